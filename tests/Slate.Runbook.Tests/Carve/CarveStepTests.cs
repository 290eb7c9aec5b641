using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Carve;

/// <summary>Step 6 end to end on a MAAS that applies interface writes: which hosts a call carves, the plan, the writes, the gate.</summary>
public sealed class CarveStepTests
{
    private readonly CarveMaas _maas = new();
    private readonly RecordingObserver _observer = new();
    private readonly TestServices _services;

    public CarveStepTests()
    {
        _services = new TestServices(CaracalCloud.Caracal, _maas, RecordedJuju.Without("openstack"), LabHypervisorFor(), new FastTime());
        _maas.Add("abc123", "openstack0", "Ready", CarveMaas.Commissioned());
        _maas.WithOthersReady("openstack0");
    }

    private static IHypervisor LabHypervisorFor() => Slate.Lab.Hypervisor.LabHypervisor.FromSite(CaracalCloud.Caracal);

    private IStep Carve(RunMode mode, params (string Name, string? Value)[] given) =>
        CarveStep.Definition.Create(_services, new StepArguments(given.ToDictionary(g => g.Name, g => (IReadOnlyList<string>)(g.Value is null ? [] : [g.Value])))
        {
            Mode = mode,
        });

    private Task<StepRun> RunAsync(RunMode mode, IReadOnlyList<string> confirmations, params (string Name, string? Value)[] given) =>
        new StepRunner(_services, _observer, new Interruption(), confirmations).RunAsync(Carve(mode, given), mode);

    [Theory]
    [InlineData(RunMode.Plan, "openstack0", true, "give either a host or --all, not both")]
    [InlineData(RunMode.Plan, "openstack9", false, "openstack9: not a host of the site (hosts: openstack0, openstack1, openstack2, openstack3)")]
    [InlineData(RunMode.Apply, null, false, "--apply carves one host per call: slate carve HOST --apply")]
    [InlineData(RunMode.Apply, null, true, "--apply carves one host per call: slate carve HOST --apply")]
    [InlineData(RunMode.Plan, null, false, "name the host to carve (slate carve HOST), or --all to plan every host")]
    public void A_call_that_does_not_name_exactly_one_host_to_apply_is_refused_before_anything_is_read(RunMode mode, string? host, bool all, string error)
    {
        var given = new List<(string, string?)>();
        if (host is not null)
            given.Add(("host", host));
        if (all)
            given.Add(("all", null));

        var refused = Assert.Throws<StepArgumentException>(() => Carve(mode, [.. given]));

        Assert.Equal(error, refused.Message);
        Assert.Empty(_maas.Writes);
    }

    [Fact]
    public async Task A_gate_without_a_host_judges_every_host_and_one_not_in_maas_is_red()
    {
        _maas.Remove("id-openstack2");

        var run = await RunAsync(RunMode.Gate, []);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["openstack2"], run.Gate!.Lines.Where(l => l.Observed == "not in MAAS").Select(l => l.Subject));
        Assert.Contains(run.Gate.Lines, l => l.Subject == "openstack0 enp1s0" && l.Holds);
    }

    [Fact]
    public async Task The_plan_for_a_fresh_host_creates_parents_first_links_last_reads_each_plane_subnet_once_and_changes_nothing()
    {
        var run = await RunAsync(RunMode.Plan, [], ("host", "openstack0"));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(_maas.Writes);
        Assert.Equal([1, 2, 3, 4, 5, 6], _maas.AddressReads);
        var plan = run.Assessment.Plan;
        Assert.Equal("Step 6: carve openstack0 to Pattern A (n=10)", plan.Heading);
        Assert.Equal("Summary: 0 fatal, 10 changes", plan.Summary);
        Assert.Equal(new Dictionary<string, string> { ["openstack0"] = "abc123" }, plan.Baseline);
        Assert.Equal(
        [
            "openstack0 create ovs bridge br-ex on enp1s0",
            "openstack0 create standard bridge br-metal on enp7s0",
            "openstack0 create VLAN interface br-metal.103 on br-metal (vlan 103 on br-metal)",
            "openstack0 create standard bridge br-internal on br-metal.103",
            "openstack0 br-ex: STATIC 10.12.4.10 on 10.12.4.0/22",
            "openstack0 br-metal: STATIC 10.12.8.10 on 10.12.8.0/22",
            "openstack0 br-internal: STATIC 10.12.12.10 on 10.12.12.0/22",
            "openstack0 enp8s0: STATIC 10.12.16.10 on 10.12.16.0/22",
            "openstack0 enp9s0: STATIC 10.12.32.10 on 10.12.32.0/22",
            "openstack0 enp10s0: STATIC 10.12.36.10 on 10.12.36.0/22",
        ], plan.Actions.Select(a => a.Description));
        Assert.Equal("openstack0 br-metal.103", plan.Actions[2].Subject);
        Assert.Contains(plan.Notes, n => n.StartsWith("Creating a bridge clears its parent's links", StringComparison.Ordinal));
        var tree = Assert.Single(plan.Tables);
        Assert.Equal("openstack0 (abc123, Ready) after this plan", tree.Title);
        Assert.Equal(
        [
            "enp1s0|physical|—|unchanged",
            "└─ br-ex|bridge ovs|static 10.12.4.10|created, linked",
            "enp7s0|physical|—|unchanged",
            "└─ br-metal|bridge standard|static 10.12.8.10|created, linked",
            "   └─ br-metal.103|vlan 103|—|created",
            "      └─ br-internal|bridge standard|static 10.12.12.10|created, linked",
            "enp8s0|physical|static 10.12.16.10|linked",
            "enp9s0|physical|static 10.12.32.10|linked",
            "enp10s0|physical|static 10.12.36.10|linked",
        ], tree.Rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public async Task Apply_asks_for_the_host_name_and_makes_one_write_per_change_with_the_ids_maas_gave_the_new_parents()
    {
        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var asked = run.Assessment.Plan;
        Assert.Equal(
        [
            "create_bridge abc123 br-ex parent=1 bridge_type=ovs",
            "create_bridge abc123 br-metal parent=2 bridge_type=standard",
            "create_vlan abc123 br-metal.103 parent=102 vlan=5003",
            "create_bridge abc123 br-internal parent=103 bridge_type=standard",
            "link_subnet abc123 101 subnet=1 ip_address=10.12.4.10",
            "link_subnet abc123 102 subnet=2 ip_address=10.12.8.10",
            "link_subnet abc123 104 subnet=3 ip_address=10.12.12.10",
            "link_subnet abc123 3 subnet=4 ip_address=10.12.16.10",
            "link_subnet abc123 4 subnet=5 ip_address=10.12.32.10",
            "link_subnet abc123 5 subnet=6 ip_address=10.12.36.10",
        ], _maas.Writes);
        Assert.Equal("MAAS now has br-metal.103: vlan 103 on br-metal, no address", run.Actions[2].Detail);
        Assert.Equal("MAAS now has enp8s0: physical, static 10.12.16.10", run.Actions[7].Detail);
        Assert.True(run.Gate!.Green);
        Assert.Equal(10, run.Gate.Lines.Count(l => l.Subject.StartsWith("openstack0", StringComparison.Ordinal)));
        Assert.Equal("openstack0       └─ br-internal", run.Gate.Lines[5].Subject);
        var confirmation = new CarveStep(_services, [CaracalCloud.Caracal.Host("openstack0")]).ConfirmationFor(asked)!;
        Assert.Equal("openstack0", confirmation.Expected);
        Assert.Equal(10, confirmation.Targets.Count);
        Assert.Equal("create-vlan openstack0 br-metal.103", confirmation.Targets[2]);
    }

    [Fact]
    public async Task Without_the_host_name_typed_nothing_is_written()
    {
        var run = await RunAsync(RunMode.Apply, ["openstack1"], ("host", "openstack0"));

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(_maas.Writes);
    }

    [Fact]
    public async Task A_bridge_on_the_wrong_parent_is_deleted_with_its_children_and_created_again_on_the_right_one()
    {
        var nics = CarveMaas.Commissioned();
        nics.Add(new MaasInterface(20, "br-metal", "bridge", null, ["enp1s0"], [], CarveMaas.Provider, "standard"));
        nics.Add(new MaasInterface(21, "br-metal.103", "vlan", null, ["br-metal"], [], CarveMaas.Internal));
        _maas.Add("abc123", "openstack0", "Ready", nics);

        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var plan = run.Assessment.Plan;
        Assert.Equal("openstack0 delete br-metal (bridge standard on enp1s0, no address) with br-metal.103", plan.Actions[0].Description);
        Assert.Contains("Deleting openstack0 br-metal also deletes br-metal.103 (MAAS deletes the children it orphans); Pattern A ones are created again.", plan.Notes);
        var rows = plan.Tables[0].Rows.ToDictionary(r => r[0].TrimStart(' ', '└', '─'), r => r[3]);
        Assert.Equal("re-created, linked", rows["br-metal"]);
        Assert.Equal("re-created (its parent is)", rows["br-metal.103"]);
        Assert.Equal("created, linked", rows["br-internal"]);
        Assert.Equal(["delete abc123 20", "create_bridge abc123 br-ex parent=1 bridge_type=ovs", "create_bridge abc123 br-metal parent=2 bridge_type=standard",
            "create_vlan abc123 br-metal.103 parent=102 vlan=5003"], _maas.Writes.Take(4));
        Assert.Equal("deleted br-metal", run.Actions[0].Detail);
        Assert.True(run.Gate!.Green);
    }

    [Fact]
    public async Task A_standard_bridge_where_pattern_a_has_ovs_has_its_type_changed_and_keeps_its_link()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = CarveMaas.Nic(1, "enp1s0", CarveMaas.Provider);
        nics.Add(new MaasInterface(20, "br-ex", "bridge", null, ["enp1s0"], [new MaasLink(30, "static", "10.12.4.0/22", "10.12.4.10", 1)], CarveMaas.Provider, "standard"));
        _maas.Add("abc123", "openstack0", "Ready", nics);

        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        var plan = run.Assessment.Plan;
        Assert.Equal("openstack0 br-ex: bridge standard → bridge ovs (links kept)", plan.Actions[0].Description);
        Assert.Equal("set-bridge-type", plan.Actions[0].Kind);
        Assert.Equal("bridge type → ovs", plan.Tables[0].Rows[1][3]);
        Assert.Equal("update abc123 20 bridge_type=ovs", _maas.Writes[0]);
        Assert.DoesNotContain(_maas.Writes, w => w.Contains("link_subnet abc123 20", StringComparison.Ordinal));
        Assert.True(run.Gate!.Green);
    }

    [Fact]
    public async Task A_wrong_address_is_unlinked_before_the_right_one_is_linked()
    {
        var nics = CarveMaas.Commissioned();
        nics[2] = CarveMaas.Nic(3, "enp8s0", CarveMaas.Data, new MaasLink(40, "static", "10.12.16.0/22", "10.12.16.99", 4));
        _maas.Add("abc123", "openstack0", "Ready", nics);

        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        var unlink = run.Assessment.Plan.Actions.Single(a => a.Kind == "unlink");
        Assert.Equal("openstack0 enp8s0: unlink static 10.12.16.99 (link 40)", unlink.Description);
        Assert.Equal("unlink static 10.12.16.99, linked", run.Assessment.Plan.Tables[0].Rows[6][3]);
        var unlinked = _maas.Writes.IndexOf("unlink_subnet abc123 3 id=40");
        Assert.True(unlinked >= 0 && unlinked < _maas.Writes.IndexOf("link_subnet abc123 3 subnet=4 ip_address=10.12.16.10"));
        Assert.True(run.Gate!.Green);
    }

    [Fact]
    public async Task A_nic_a_forced_link_moved_to_another_vlan_is_relinked_with_force_and_not_unlinked_first()
    {
        var nics = CarveMaas.Commissioned();
        nics[3] = CarveMaas.Nic(4, "enp9s0", CarveMaas.Replication, new MaasLink(40, "static", "10.12.36.0/22", "10.12.36.10", 6));
        _maas.Add("abc123", "openstack0", "Ready", nics);

        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var plan = run.Assessment.Plan;
        Assert.DoesNotContain(plan.Findings, f => f.Severity == Severity.Fatal);
        var relink = plan.Actions.Single(a => a.Subject == "openstack0 enp9s0");
        Assert.Equal("openstack0 enp9s0: STATIC 10.12.32.10 on 10.12.32.0/22 with force (MAAS moves it off static 10.12.36.10 on VLAN untagged of fabric-4, dropping static 10.12.36.10)",
            relink.Description);
        Assert.Equal("relinked (was static 10.12.36.10 on VLAN untagged of fabric-4)", plan.Tables[0].Rows[7][3]);
        Assert.Contains("link_subnet abc123 4 subnet=5 ip_address=10.12.32.10 force", _maas.Writes);
        Assert.DoesNotContain(_maas.Writes, w => w.StartsWith("unlink_subnet", StringComparison.Ordinal));
        Assert.True(run.Gate!.Green);
    }

    [Fact]
    public async Task A_host_that_is_not_ready_is_refused_with_the_edit_maas_would_reject_and_nothing_is_written()
    {
        _maas.Add("abc123", "openstack0", "Deployed", CarveMaas.Commissioned());

        var run = await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal("reenroll", Assert.Single(run.Assessment.Plan.Findings, f => f.Code == "out-of-order").Subject);
        var finding = run.Assessment.Plan.Findings[0];
        Assert.Equal((Severity.Fatal, "not-ready", "openstack0"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("is Deployed; the carve needs Ready, and MAAS refuses these edits: \"Cannot create bridge interface because the machine is not New, Ready, Allocated, or Broken.\"",
            finding.Message);
        Assert.Equal("Summary: 1 fatal, 10 changes", run.Assessment.Plan.Summary);
        Assert.Empty(_maas.Writes);
    }

    [Fact]
    public async Task A_carved_host_that_is_not_ready_has_nothing_to_refuse()
    {
        await RunAsync(RunMode.Apply, ["openstack0"], ("host", "openstack0"));
        _maas.Add("abc123", "openstack0", "Deployed", _maas.InterfacesOf("abc123"));

        var run = await RunAsync(RunMode.Plan, [], ("host", "openstack0"));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(run.Assessment.Plan.Findings);
    }

    [Fact]
    public async Task Planning_every_host_counts_each_hosts_changes_and_a_host_not_in_maas_is_fatal()
    {
        _maas.Add("id-openstack1", "openstack1", "Ready", CarveMaas.Commissioned().Take(4));
        _maas.Remove("id-openstack2");
        _maas.Remove("id-openstack3");

        var run = await RunAsync(RunMode.Plan, [], ("all", null));

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        var plan = run.Assessment.Plan;
        Assert.Equal("Step 6: carve to Pattern A — plan for 4 hosts (apply one host at a time)", plan.Heading);
        Assert.Equal("Summary: 3 fatal, 20 changes (openstack0 10, openstack1 10, openstack2 0, openstack3 0)", plan.Summary);
        Assert.Equal(["openstack1 enp10s0", "openstack2", "openstack3"], plan.Findings.Where(f => f.Code is "nic-missing" or "host-missing").Select(f => f.Subject));
        Assert.Equal("openstack2: not in MAAS", plan.Tables[2].Title);
        Assert.Contains(plan.Notes, n => n.StartsWith("Creating a bridge clears its parent's links", StringComparison.Ordinal));
        Assert.Equal("FATAL (see findings)", plan.Tables[1].Rows[^1][3]);
        Assert.Equal(new Dictionary<string, string> { ["openstack0"] = "abc123", ["openstack1"] = "id-openstack1" }, plan.Baseline);
    }
}
