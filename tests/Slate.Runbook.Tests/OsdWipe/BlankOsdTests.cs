using Slate.Runbook.OsdWipe;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.OsdWipe;

/// <summary>What counts as a freshly wiped OSD disk (format, compat, size, nothing written, owner, mode), and how sizes read.</summary>
public sealed class BlankOsdTests
{
    private static readonly OsdDiskRule Rule = CaracalCloud.Caracal.Osd;
    private static readonly OsdDiskRule Raw = Rule with { Format = "raw" };
    private static readonly StorageVolume Blank = new("/var/lib/libvirt/images/openstack0-1.qcow2", 512L << 30, 196_608, "qcow2", "1.1", new VolumeOwner(0, "root", 0, "root"), 384);

    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1 KiB")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(196_608L, "192 KiB")]
    [InlineData(1_048_575L, "1024 KiB")]
    [InlineData(512L << 30, "512 GiB")]
    [InlineData(3L << 40, "3 TiB")]
    [InlineData(2048L << 40, "2048 TiB")]
    public void Sizes_read_as_qemu_img_prints_them(long bytes, string shown) => Assert.Equal(shown, ByteSize.Format(bytes));

    [Fact]
    public void A_fresh_qcow2_of_the_rules_size_owned_as_the_rule_says_is_wiped()
    {
        Assert.True(BlankOsd.IsWiped(Rule, Blank));
        Assert.Equal("qcow2 compat 1.1, 512 GiB virtual, under 1 MiB allocated", BlankOsd.Expected(Rule));
        Assert.Equal("raw, 512 GiB virtual, under 1 MiB allocated", BlankOsd.Expected(Raw));
    }

    [Fact]
    public void Owners_match_by_name_or_by_numeric_id()
    {
        Assert.True(BlankOsd.IsOwned(Rule with { Owner = "0", Group = "0" }, Blank with { Owner = new VolumeOwner(0, null, 0, null) }));
        Assert.False(BlankOsd.IsOwned(Rule, Blank with { Owner = new VolumeOwner(0, null, 0, null) }));
        Assert.False(BlankOsd.IsOwned(Rule, Blank with { Owner = new VolumeOwner(1000, "ubuntu", 0, "root") }));
        Assert.False(BlankOsd.IsOwned(Rule, Blank with { Owner = new VolumeOwner(0, "root", 1000, "ubuntu") }));
        Assert.False(BlankOsd.IsOwned(Rule, Blank with { Mode = 420 }));
        Assert.Equal("root:root mode 600", BlankOsd.DescribeOwner(Blank));
        Assert.Equal("0:0 mode 600", BlankOsd.DescribeOwner(Blank with { Owner = new VolumeOwner(0, null, 0, null) }));
    }

    public static TheoryData<string, StorageVolume> NotBlank => new()
    {
        { "raw, not qcow2", Blank with { Format = "raw", Compat = null } },
        { "compat 0.10", Blank with { Compat = "0.10" } },
        { "one byte smaller", Blank with { CapacityBytes = (512L << 30) - 1 } },
        { "1 MiB written", Blank with { AllocationBytes = 1L << 20 } },
    };

    [Theory]
    [MemberData(nameof(NotBlank))]
    public void A_volume_that_differs_in_any_one_way_is_not_blank(string why, StorageVolume volume)
    {
        Assert.False(BlankOsd.IsBlank(Rule, volume), why);
        Assert.False(BlankOsd.IsWiped(Rule, volume), why);
    }

    [Fact]
    public void A_wiped_disk_must_be_blank_and_owned_both()
    {
        Assert.False(BlankOsd.IsWiped(Rule, Blank with { Mode = 420 }));
        Assert.True(BlankOsd.IsBlank(Rule, Blank with { AllocationBytes = BlankOsd.MaxAllocation }));
    }

    [Fact]
    public void A_raw_rule_asks_no_compat_level()
    {
        Assert.True(BlankOsd.IsBlank(Raw, Blank with { Format = "raw", Compat = null }));
        Assert.False(BlankOsd.IsBlank(Raw, Blank));
    }
}
