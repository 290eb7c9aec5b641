using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Unit;

public sealed class VolumeXmlTests
{
    [Fact]
    public void Builds_a_qcow2_volume_with_permissions_and_compat()
    {
        var xml = VolumeXml.Build(new VolumeSpec("/var/lib/libvirt/images/openstack0-1.qcow2", 512L << 30, "qcow2", "root", "root", 384), 0, 0);

        Assert.Equal(
            "<volume><name>openstack0-1.qcow2</name><capacity unit=\"bytes\">549755813888</capacity><allocation unit=\"bytes\">0</allocation>"
            + "<target><format type=\"qcow2\" /><permissions><owner>0</owner><group>0</group><mode>0600</mode></permissions>"
            + "<compat>1.1</compat></target></volume>", xml);
    }

    [Fact]
    public void A_raw_volume_has_no_compat()
    {
        var xml = VolumeXml.Build(new VolumeSpec("/images/a&b.img", 1024, "raw", "root", "root", 420), 64055, 994);

        Assert.DoesNotContain("compat", xml, StringComparison.Ordinal);
        Assert.Contains("<name>a&amp;b.img</name>", xml, StringComparison.Ordinal);
        Assert.Contains("<owner>64055</owner><group>994</group><mode>0644</mode>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_format_compat_owner_and_octal_mode()
    {
        var target = VolumeXml.Parse("/x", """
            <volume type='file'><name>x</name><target><path>/x</path><format type='qcow2'/>
            <permissions><mode>0644</mode><owner>64055</owner><group>994</group></permissions><compat>1.1</compat></target></volume>
            """);

        Assert.Equal(new VolumeTarget("qcow2", "1.1", 64055, 994, 420), target);
    }
}
