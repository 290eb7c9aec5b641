using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Unit;

public sealed class DomainXmlTests
{
    private const string Xml = """
        <domain type='kvm'><name>openstack0</name><devices>
          <disk type='block' device='disk'><driver name='qemu' type='raw'/><source dev='/dev/vg/os0'/><target dev='vda' bus='virtio'/></disk>
          <disk type='file' device='cdrom'><target dev='sda' bus='sata'/></disk>
          <interface type='bridge'><mac address='52:54:00:0C:04:0A'/><source bridge='br0'/><model type='e1000'/></interface>
          <interface type='network'><mac address='52:54:00:8b:00:00'/><source network='8_lbaas'/><model type='virtio'/>
            <address type='pci' domain='0x0000' bus='0x07' slot='0x00' function='0x0'/></interface>
        </devices></domain>
        """;

    [Fact]
    public void Reads_block_disks_cdroms_and_bridge_nics()
    {
        var devices = DomainXml.Parse("openstack0", Xml);

        Assert.Equal([new DomainDisk("vda", "disk", "/dev/vg/os0", "raw"), new DomainDisk("sda", "cdrom", null, null)], devices.Disks);
        Assert.Equal(new DomainInterface("52:54:00:0C:04:0A", "bridge", null, "br0", "e1000"), devices.Interface("52:54:00:0c:04:0a"));
    }

    [Fact]
    public void The_detach_xml_is_the_whole_element_of_that_mac_only()
    {
        var nic = DomainXml.InterfaceXml("openstack0", Xml, "52:54:00:8B:00:00");

        Assert.StartsWith("<interface type=\"network\">", nic, StringComparison.Ordinal);
        Assert.Contains("<source network=\"8_lbaas\" />", nic, StringComparison.Ordinal);
        Assert.Contains("bus=\"0x07\"", nic, StringComparison.Ordinal);
        Assert.DoesNotContain("br0", nic, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_xml_names_the_domain()
    {
        var error = Assert.Throws<HypervisorException>(() => DomainXml.Parse("openstack0", "<domain>"));

        Assert.Equal(HypervisorFailure.Other, error.Failure);
        Assert.StartsWith("domain 'openstack0': libvirt returned unreadable XML", error.Message, StringComparison.Ordinal);
    }
}
