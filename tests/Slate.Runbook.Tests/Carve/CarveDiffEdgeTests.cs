using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Carve;

/// <summary>The Pattern A diff's refusals, boundaries and texts on trees a commissioned host can have.</summary>
public sealed class CarveDiffEdgeTests
{
    private static readonly Site Site = CaracalCloud.Caracal;

    private static HostDiff Compare(IReadOnlyList<MaasInterface> interfaces, CarveMaas? maas = null, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses = null,
        string status = "Ready") =>
        CarveDiff.Compare(Site, Site.Host("openstack0"), new MaasMachine("abc123", "openstack0", 4, status, "off", "pod", interfaces), (maas ?? new CarveMaas()).Topology, addresses);

    private static StepPlan Plan(HostDiff diff) => CarvePlanner.Plan(Site, [diff.Host], [diff]);

    private static List<MaasInterface> With(params MaasInterface[] extra) => [.. CarveMaas.Commissioned(), .. extra];

    [Fact]
    public void A_template_nic_that_is_a_bridge_and_a_template_bridge_that_is_a_nic_are_fatal()
    {
        var nics = CarveMaas.Commissioned();
        nics[2] = new MaasInterface(3, "enp8s0", "bridge", null, ["enp7s0"], [], CarveMaas.Metal, "standard");
        nics.Add(CarveMaas.Nic(40, "br-ex", CarveMaas.Provider));

        var diff = Compare(nics);

        var nic = Assert.Single(diff.Findings, f => f.Code == "nic-missing");
        Assert.Equal(("openstack0 enp8s0", "is a bridge, not a physical NIC", "physical", "bridge"), (nic.Subject, nic.Message, nic.Expected, nic.Observed));
        var kind = Assert.Single(diff.Findings, f => f.Code == "wrong-kind");
        Assert.Equal(("openstack0 br-ex", "is a physical NIC where Pattern A has a bridge", "bridge", "physical"), (kind.Subject, kind.Message, kind.Expected, kind.Observed));
        Assert.DoesNotContain(diff.Changes, c => c.Interface == "br-ex" && c.Action is CarveAction.CreateBridge);
    }

    [Fact]
    public void A_vlan_under_a_nic_that_is_on_no_vlan_has_no_fabric_to_be_on()
    {
        var nics = CarveMaas.Commissioned();
        nics[1] = nics[1] with { Vlan = null };
        var subnets = new CarveMaas().Topology.Subnets.Where(s => s.Cidr != "10.12.8.0/22").ToList(); // no plane VLAN to move it to

        var finding = Assert.Single(Compare(nics, new CarveMaas(subnets)).Findings, f => f.Code == "vlan-missing");

        Assert.Equal(("vlan-missing", "openstack0 br-metal.103"), (finding.Code, finding.Subject));
        Assert.Equal("br-metal is on no VLAN, so VLAN 103 has no fabric to be on", finding.Message);
        Assert.Equal(("VLAN 103 on the parent's fabric", "absent"), (finding.Expected, finding.Observed));
    }

    [Fact]
    public void A_plane_subnet_maas_does_not_have_is_fatal_and_nothing_is_linked_there()
    {
        var subnets = new CarveMaas().Topology.Subnets.Where(s => s.Cidr != "10.12.32.0/22").ToList();

        var diff = Compare(CarveMaas.Commissioned(), new CarveMaas(subnets));

        var finding = Assert.Single(diff.Findings);
        Assert.Equal(("subnet-missing", "openstack0 enp9s0", "MAAS has no subnet 10.12.32.0/22 for plane storage"), (finding.Code, finding.Subject, finding.Message));
        Assert.DoesNotContain(diff.Changes, c => c.Interface == "enp9s0");
    }

    [Fact]
    public void A_subnet_on_another_tagged_vlan_names_both_vlans_by_tag()
    {
        var subnets = new CarveMaas().Topology.Subnets.ToList();
        subnets[2] = subnets[2] with { Vlan = CarveMaas.Internal with { Id = 5099, Vid = 104 } };

        var finding = Assert.Single(Compare(CarveMaas.Commissioned(), new CarveMaas(subnets)).Findings);

        Assert.Equal("subnet 10.12.12.0/22 is on VLAN 104 of fabric-1, but br-internal is on VLAN 103 of fabric-1: MAAS links a subnet only on the interface's VLAN",
            finding.Message);
    }

    [Fact]
    public void A_physical_nic_outside_pattern_a_is_left_as_it_is_and_said_so()
    {
        var diff = Compare(With(CarveMaas.Nic(6, "enp11s0", CarveMaas.Data, new MaasLink(16, "static", "10.12.16.0/22", "10.12.16.200", 4))));

        var finding = Assert.Single(diff.Findings);
        Assert.Equal((Severity.Info, "not-in-pattern", "openstack0 enp11s0", "a physical NIC outside Pattern A: left as it is"),
            (finding.Severity, finding.Code, finding.Subject, finding.Message));
        Assert.DoesNotContain(diff.Changes, c => c.Interface == "enp11s0");
    }

    [Theory]
    [InlineData("dhcp", "10.12.16.0/22", null)]
    [InlineData("auto", "10.12.16.0/22", "10.12.16.10")]
    [InlineData("static", "10.12.20.0/22", "10.12.16.10")]
    public void A_link_that_is_not_the_static_address_on_the_plane_subnet_is_unlinked(string mode, string cidr, string? ip)
    {
        var nics = CarveMaas.Commissioned();
        nics[2] = CarveMaas.Nic(3, "enp8s0", CarveMaas.Data, new MaasLink(40, mode, cidr, ip, cidr == "10.12.16.0/22" ? 4 : 7));

        var diff = Compare(nics);

        Assert.Equal(["Unlink", "Link"], diff.ChangesTo("enp8s0").Select(c => c.Action.GetType().Name));
        Assert.Equal($"{mode} {ip ?? cidr}", diff.ChangesTo("enp8s0").First().Observed);
    }

    /// <summary>models/interface.py _link_subnet_static removes a link_up by itself: a link_up carrying a subnet (what commissioning leaves on a leased NIC) is no link to unlink.</summary>
    [Fact]
    public void A_link_up_carrying_the_subnet_it_discovered_is_replaced_by_the_static_link_not_unlinked()
    {
        var nics = CarveMaas.Commissioned();
        nics[2] = CarveMaas.Nic(3, "enp8s0", CarveMaas.Data, new MaasLink(40, "link_up", "10.12.16.0/22", null, 4));

        var diff = Compare(nics);

        Assert.Equal(["Link"], diff.ChangesTo("enp8s0").Select(c => c.Action.GetType().Name));
        Assert.Equal("physical, no address", CarveDiff.Observed(nics[2]));
    }

    [Fact]
    public void A_physical_nic_on_another_vlan_is_relinked_with_force_whatever_links_it_has()
    {
        var nics = CarveMaas.Commissioned();
        nics[3] = CarveMaas.Nic(4, "enp9s0", CarveMaas.Replication,
            new MaasLink(40, "static", "10.12.36.0/22", "10.12.36.10", 6), new MaasLink(41, "static", "192.168.9.0/24", "192.168.9.4", 99));

        var diff = Compare(nics);

        Assert.Empty(diff.Findings);
        var link = Assert.Single(diff.ChangesTo("enp9s0"));
        Assert.Equal("static 10.12.36.10 + static 192.168.9.4", Assert.IsType<CarveAction.Link>(link.Action).Dropped);
    }

    [Fact]
    public void A_kept_bridge_on_another_vlan_is_relinked_with_force_so_maas_moves_it_and_its_nic()
    {
        var own = new MaasVlan(5100, 0, 7, "fabric-7", null);
        var nics = CarveMaas.Commissioned();
        nics[0] = CarveMaas.Nic(1, "enp1s0", CarveMaas.Provider);
        nics.Add(new MaasInterface(20, "br-ex", "bridge", null, ["enp1s0"], [], own, "ovs"));

        var diff = Compare(nics);

        Assert.Empty(diff.Findings);
        var link = Assert.Single(diff.ChangesTo("br-ex"));
        Assert.Equal(("no link", "VLAN untagged of fabric-7"), (Assert.IsType<CarveAction.Link>(link.Action).Dropped, link.Observed));
    }

    [Theory]
    [InlineData("enp8s0", "capi-mgmt (machine, enp8s0)")]
    [InlineData(null, "capi-mgmt (machine)")]
    public void An_address_held_by_another_machine_names_it_and_its_interface(string? via, string holder)
    {
        var addresses = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "zzz999", "capi-mgmt", via)] };

        var finding = Assert.Single(Compare(CarveMaas.Commissioned(), addresses: addresses).Findings);

        Assert.Equal($"10.12.16.10 is already used by {holder}", finding.Message);
        Assert.Equal($"held by {holder}", finding.Observed);
    }

    [Fact]
    public void An_address_reserved_without_a_machine_is_named_a_reservation()
    {
        var addresses = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", null, null, null)] };

        Assert.Equal("10.12.16.10 is already used by a reservation (no node)", Assert.Single(Compare(CarveMaas.Commissioned(), addresses: addresses).Findings).Message);
    }

    [Fact]
    public void A_stray_tree_listed_children_first_is_deleted_once_with_every_descendant()
    {
        var diff = Compare(With(
            new MaasInterface(32, "br-x", "bridge", null, ["br-old.104"], [], CarveMaas.Storage, "standard"),
            new MaasInterface(31, "br-old.104", "vlan", null, ["br-old"], [], CarveMaas.Storage),
            new MaasInterface(33, "br-old.105", "vlan", null, ["br-old"], [], CarveMaas.Storage),
            new MaasInterface(30, "br-old", "bridge", null, ["enp9s0"], [], CarveMaas.Storage, "standard")));

        var delete = Assert.Single(diff.Changes, c => c.Action is CarveAction.DeleteInterface);
        Assert.Equal("br-old", delete.Interface);
        Assert.Equal(["br-old.104", "br-old.105", "br-x"], Assert.IsType<CarveAction.DeleteInterface>(delete.Action).Cascade.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("absent (not in Pattern A)", delete.Expected);
    }

    [Fact]
    public void A_bond_over_a_stray_and_a_kept_nic_goes_with_the_stray()
    {
        var diff = Compare(With(
            new MaasInterface(30, "br-old", "bridge", null, ["enp9s0"], [], CarveMaas.Storage, "standard"),
            new MaasInterface(31, "bond0", "bond", null, ["br-old", "enp10s0"], [], CarveMaas.Storage)));

        Assert.Equal(["br-old", "bond0"], diff.Changes.Where(c => c.Action is CarveAction.DeleteInterface).Select(c => c.Interface));
        Assert.Equal("", Assert.IsType<CarveAction.DeleteInterface>(diff.Changes[0].Action).Cascade);
    }

    [Fact]
    public void A_stray_without_children_is_deleted_without_a_cascade_note_and_shown_struck_out_in_the_tree()
    {
        var diff = Compare(With(new MaasInterface(30, "br-old", "bridge", null, ["enp9s0"], [], CarveMaas.Storage, "standard")));

        var plan = Plan(diff);

        Assert.Equal("openstack0 delete br-old (bridge standard on enp9s0, no address)", plan.Actions[0].Description);
        Assert.DoesNotContain(plan.Notes, n => n.StartsWith("Deleting", StringComparison.Ordinal));
        Assert.Equal("✗ br-old|bridge standard on enp9s0, no address|—|deleted (not in Pattern A)", string.Join("|", plan.Tables[0].Rows[^1]));
        Assert.Equal(10, plan.Tables[0].Rows.Count);
        var strays = CarveGate.Judge([diff]).Lines[^1];
        Assert.Equal(("no-strays", false, "br-old"), (strays.Code, strays.Holds, strays.Observed));
    }

    [Fact]
    public void A_tree_that_only_needs_links_has_no_bridge_note_and_only_its_fatal_interfaces_read_fatal()
    {
        var nics = CarveMaas.Commissioned();
        nics.Add(new MaasInterface(20, "br-ex", "bridge", null, ["enp1s0"], [], CarveMaas.Provider, "ovs"));
        nics.Add(new MaasInterface(21, "br-metal", "bridge", null, ["enp7s0"], [], CarveMaas.Metal, "standard"));
        nics.Add(new MaasInterface(22, "br-metal.103", "vlan", null, ["br-metal"], [], CarveMaas.Internal));
        nics.Add(new MaasInterface(23, "br-internal", "bridge", null, ["br-metal.103"], [], CarveMaas.Internal, "standard"));
        var addresses = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "zzz999", "capi-mgmt", null)] };

        var plan = Plan(Compare(nics, addresses: addresses, status: "Deployed"));

        Assert.Empty(plan.Notes);
        Assert.Equal(["not-ready", "address-in-use"], plan.Findings.Select(f => f.Code));
        Assert.Equal("\"Cannot unlink subnet interface because the machine is not New, Ready, Allocated, or Broken.\"", plan.Findings[0].Message.Split(": ", 2)[1]);
        var fates = plan.Tables[0].Rows.ToDictionary(r => r[0].TrimStart(' ', '└', '─'), r => r[3]);
        Assert.Equal("FATAL (see findings)", fates["enp8s0"]);
        Assert.Equal("linked", fates["br-ex"]);
        Assert.Equal("unchanged", fates["br-metal.103"]);
    }

    [Fact]
    public void The_gate_reads_each_interface_as_pattern_a_describes_it()
    {
        var lines = CarveGate.Lines(Compare(CarveMaas.Commissioned()), asTree: false).ToList();

        Assert.Equal(("vlan 103 on br-metal, no address", "absent"), (lines[4].Expected, lines[4].Observed));
        Assert.Equal(("physical, static 10.12.16.10", "physical, no address"), (lines[6].Expected, lines[6].Observed));
    }

    [Fact]
    public void Each_edit_has_maas_own_refusal_text()
    {
        Assert.Equal(
        [
            "Cannot delete interface interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot update interface interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot update interface interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot create bridge interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot create VLAN interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot unlink subnet interface because the machine is not New, Ready, Allocated, or Broken.",
            "Cannot link subnet interface because the machine is not New, Ready, Allocated, or Broken.",
        ], new CarveAction[]
        {
            new CarveAction.DeleteInterface("h", "id", "i", 1, ""), new CarveAction.SetVlan("h", "id", "i", 1, 2), new CarveAction.SetBridgeType("h", "id", "i", 1, "ovs"),
            new CarveAction.CreateBridge("h", "id", "i", "p", "ovs"), new CarveAction.CreateVlan("h", "id", "i", "p", 2), new CarveAction.Unlink("h", "id", "i", 1, 2),
            new CarveAction.Link("h", "id", "i", 1, "10.0.0.0/24", "10.0.0.1", null),
        }.Select(CarveDiff.Refusal));
    }
}
