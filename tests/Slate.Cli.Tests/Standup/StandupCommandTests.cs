using Slate.Cli.Tests.Carve;
using Slate.Lab.Cloud;

namespace Slate.Cli.Tests.Standup;

/// <summary>`slate standup` (read-only) against the lab's MAAS over HTTP.</summary>
public sealed class StandupCommandTests
{
    [Fact]
    public async Task The_carved_lab_has_no_drift_and_prints_ok()
    {
        await using var lab = await CarveLab.StartAsync();
        foreach (var host in lab.Cloud.Site.Hosts)
            await lab.CarvedAsync(host.Name);

        var (code, io, requests) = await lab.MeasuredAsync(() => lab.Harness.RunAsync("standup", "--site", CliHarness.SitePath));

        Assert.True(code == 0, io.OutText);
        Assert.Contains("OK", io.Out);
        Assert.DoesNotContain(io.Out, l => l.StartsWith("DRIFT", StringComparison.Ordinal));
        Assert.Equal(0, CarveLab.Writes(requests));
        Assert.Equal(1, CarveLab.HostReads(requests));
    }

    [Fact]
    public async Task Every_difference_is_one_drift_line_naming_the_object_expected_and_observed()
    {
        await using var lab = await CarveLab.StartAsync();
        foreach (var host in lab.Cloud.Site.Hosts)
            await lab.CarvedAsync(host.Name);
        lab.Cloud.Interfaces.Update(lab.Machine("openstack2"), lab.Nic("openstack2", "br-ex"), new InterfaceEdit(null, null, null, "standard", null, null));
        var site = Path.Combine(lab.Directory, "retagged.yaml");
        File.WriteAllText(site, File.ReadAllText(CliHarness.SitePath).Replace("vid: 103", "vid: 104", StringComparison.Ordinal));

        var (code, io) = await lab.Harness.RunAsync("standup", "--site", site);

        Assert.Equal(3, code);
        var drift = io.Out.SelectMany(l => l.Split(Environment.NewLine)).Where(l => l.StartsWith("DRIFT", StringComparison.Ordinal)).ToList();
        Assert.Contains("DRIFT subnet 10.12.12.0/22 on fabric-1: expected VLAN 104, observed VLAN 103", drift);
        Assert.Contains("DRIFT openstack2 br-ex: expected bridge ovs on enp1s0, static 10.12.4.12, observed bridge standard on enp1s0, static 10.12.4.12", drift);
        Assert.Contains("DRIFT openstack0 br-metal.103: expected vlan 104 on br-metal, no address, observed vlan 103 on br-metal, no address", drift);
        Assert.Contains("DRIFT openstack0 br-internal: expected bridge standard on br-metal.103, static 10.12.12.10, " +
                        "observed bridge standard on br-metal.103, static 10.12.12.10 (goes with a parent that is re-created)", drift);
        Assert.Equal(1 + 4 * 2 + 1, drift.Count);
        Assert.DoesNotContain("OK", io.Out);
    }

    [Fact]
    public async Task A_fabric_commissioning_left_behind_is_noted_with_its_delete_command_and_the_check_stays_ok()
    {
        await using var lab = await CarveLab.StartAsync();
        foreach (var host in new[] { "openstack0", "openstack1", "openstack2" })
            await lab.CarvedAsync(host);
        var openstack3 = lab.Machine("openstack3");
        var left = openstack3.Interfaces.Select(i => i.Vlan!.Fabric).Where(f => !lab.Cloud.Networks.Subnets.Any(s => s.Vlan.Fabric == f)).Distinct().ToList();
        // deleting the machine moves none of its NICs to another VLAN, so MAAS deletes none of the fabrics commissioning made for them
        lab.Cloud.Machines.Delete(openstack3.SystemId);

        var (code, io) = await lab.Harness.RunAsync("standup", "--site", CliHarness.SitePath);

        Assert.True(code == 0, io.OutText);
        Assert.Equal(4, left.Count);
        Assert.Equal(left.Select(f => $"INFO    {f.Name}: has no subnet on any of its VLANs and no interface of the site's hosts " +
                                      "(commissioning makes such a fabric for each NIC that got no DHCP lease); if no other node's interface is on it " +
                                      $"(the fabric listing does not show them, and MAAS refuses the delete while one is), remove it: maas $PROFILE fabric delete {f.Id}"),
            io.Out.Where(l => l.StartsWith("INFO    fabric-", StringComparison.Ordinal)));
        Assert.Contains("OK", io.Out);
    }
}
