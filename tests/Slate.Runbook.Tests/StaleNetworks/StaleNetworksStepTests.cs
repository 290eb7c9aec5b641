using System.Xml.Linq;
using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.StaleNetworks;

public sealed class StaleNetworksStepTests
{
    private const string Stale = "8_lbaas";
    private readonly AfterTeardownWorld _world = new();

    private StaleNetworksStep Step(AfterTeardownWorld? world = null) => new((world ?? _world).Services);

    private string StaleMac(string host) => _world.Hypervisor.NicsOf(host).Single(n => n.Network == Stale).Mac;

    private static IEnumerable<string> Codes(StepRun run, Severity severity) =>
        run.Assessment.Plan.Findings.Where(f => f.Severity == severity).Select(f => $"{f.Code} {f.Subject}");

    [Fact]
    public async Task The_dry_run_finds_the_network_and_every_host_nic_on_it_and_changes_nothing()
    {
        var macs = AfterTeardownWorld.Hosts.ToDictionary(h => h, StaleMac);

        var run = await _world.RunAsync(Step(), RunMode.Plan);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(run.Assessment.Plan.Findings);
        Assert.Equal(
        [
            "backup-network 8_lbaas", .. AfterTeardownWorld.Hosts.Select(h => $"backup-domain {h}"),
            .. AfterTeardownWorld.Hosts.Select(h => $"detach-nic {h} {macs[h]}"), "destroy-network 8_lbaas", "undefine-network 8_lbaas",
        ], run.Assessment.Plan.Actions.Select(a => $"{a.Kind} {a.Subject}"));
        Assert.Equal(ReportTable.Row("8_lbaas", "virbr6", "yes", "yes", "virbr6", "4"), run.Assessment.Plan.Tables[0].Rows.Single());
        Assert.All(run.Assessment.Plan.Tables[1].Rows, r => Assert.Equal(("host", "shut off", "detach (--config)"), (r[1], r[4], r[5])));
        Assert.NotNull(await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None));
        Assert.All(AfterTeardownWorld.Hosts, h => Assert.Contains(_world.Hypervisor.NicsOf(h), n => n.Network == Stale));
        Assert.Empty(_world.Services.MemoryJournal.Written);
    }

    [Fact]
    public async Task Apply_backs_up_detaches_only_the_stale_nics_removes_the_network_and_a_rerun_plans_nothing()
    {
        var bystander = DefineBystander();
        var bystanderXml = await _world.Hypervisor.GetDomainXmlAsync(bystander, CancellationToken.None);
        var others = AfterTeardownWorld.Hosts.ToDictionary(h => h, h => _world.Hypervisor.NicsOf(h).Where(n => n.Network != Stale).ToList());
        var macs = AfterTeardownWorld.Hosts.ToDictionary(h => h, StaleMac);

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.True(run.Gate!.Green);
        Assert.Null(await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None));
        foreach (var host in AfterTeardownWorld.Hosts)
        {
            Assert.Equal(others[host], _world.Hypervisor.NicsOf(host));
            var backup = XDocument.Parse(_world.Services.MemoryJournal.Captures[$"{host}-domain.xml"]);
            Assert.Contains(backup.Descendants("mac"), m => (string?)m.Attribute("address") == macs[host]);
        }
        Assert.Contains("<name>8_lbaas</name>", _world.Services.MemoryJournal.Captures["8_lbaas-net.xml"], StringComparison.Ordinal);
        Assert.Equal(bystanderXml, await _world.Hypervisor.GetDomainXmlAsync(bystander, CancellationToken.None));
        Assert.Equal(["network-gone", "unreferenced", .. AfterTeardownWorld.Hosts.SelectMany(_ => new[] { "nics-kept", "definition-kept" })],
            run.Gate.Lines.Select(l => l.Code));
        var plan = _world.Services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Plan);
        Assert.Equal(string.Join(", ", others["openstack1"].Select(n => $"{n.Mac} {n.Network}").Order(StringComparer.Ordinal)), plan.Arguments!["nics:openstack1"]);
        Assert.StartsWith($"the baseline journalled by run {plan.Run} at ", run.Gate.Basis, StringComparison.Ordinal);

        var written = _world.Services.MemoryJournal.Written.Count;
        var again = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Ok, again.ExitCode);
        Assert.Empty(again.Assessment.Plan.Actions);
        Assert.True(again.Gate!.Green);
        Assert.Equal(written, _world.Services.MemoryJournal.Written.Count);
    }

    [Fact]
    public async Task A_host_still_in_MAAS_refuses_with_exit_4_once_naming_the_teardown_and_nothing_changed()
    {
        _world.Enrol("openstack2");

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal("`slate teardown` must come first: its gate does not hold yet (host-gone openstack2: id-openstack2 Ready)",
            Assert.Single(run.Assessment.Plan.Findings, f => f.Severity == Severity.Precondition).Message);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_running_host_domain_refuses_with_exit_4_once_naming_the_teardown_and_nothing_changed()
    {
        _world.Hypervisor.SetState("openstack1", DomainState.Running);

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal(["out-of-order teardown"], Codes(run, Severity.Precondition));
        Assert.Contains("domain-off openstack1: running", run.Assessment.Plan.Findings.Single().Message, StringComparison.Ordinal);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_nic_on_the_network_in_a_domain_that_is_not_a_host_is_fatal()
    {
        _world.Hypervisor.DefineDomain("someone-else", DomainState.Running, [], [new LabNic("52:54:00:aa:bb:cc", Stale, 1)]);

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["foreign-nic someone-else"], Codes(run, Severity.Fatal));
        Assert.Contains(run.Assessment.Plan.Tables[1].Rows, r => r[0] == "someone-else" && r[1] == "NOT A HOST" && r[4] == "running" && r[5] == "REFUSED");
        Assert.Contains(run.Assessment.Plan.Tables[1].Rows, r => r[0] == "openstack0" && r[1] == "host" && r[4] == "shut off");
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_network_on_another_bridge_than_the_site_says_is_fatal()
    {
        var site = AfterTeardownWorld.CaracalSite;
        var world = new AfterTeardownWorld(site with { Libvirt = site.Libvirt with { StaleNetworks = [new("8_lbaas", "virbr9")] } });

        var run = await world.RunAsync(Step(world), RunMode.Apply);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["bridge-differs 8_lbaas"], Codes(run, Severity.Fatal));
    }

    [Fact]
    public async Task A_domain_started_between_plan_and_detach_is_not_touched_and_the_run_stops()
    {
        _world.Observer.OnActionStarted = kind =>
        {
            if (kind == "backup-domain") _world.Hypervisor.SetState("openstack0", DomainState.Running);
        };

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Contains(run.Actions, a => a.Action.Kind == "detach-nic" && a.Outcome == ActionOutcome.Failed && a.Detail.Contains("running now", StringComparison.Ordinal));
        Assert.Contains(_world.Hypervisor.NicsOf("openstack0"), n => n.Network == Stale);
        Assert.NotNull(await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None));
    }

    [Fact]
    public async Task The_gate_goes_red_when_a_host_lost_another_nic_than_the_stale_one()
    {
        await _world.RunAsync(Step(), RunMode.Apply);
        var other = _world.Hypervisor.NicsOf("openstack3")[0].Mac;
        await _world.Hypervisor.DetachInterfaceAsync("openstack3", other, CancellationToken.None);

        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, gate.ExitCode);
        Assert.Equal(["nics-kept openstack3", "definition-kept openstack3"], gate.Gate!.Lines.Where(l => !l.Holds).Select(l => $"{l.Code} {l.Subject}"));
    }

    [Fact]
    public async Task The_gate_before_the_prune_names_the_network_and_its_users()
    {
        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, gate.ExitCode);
        var unreferenced = gate.Gate!.Lines.Single(l => l.Code == "unreferenced");
        Assert.False(unreferenced.Holds);
        Assert.Equal(string.Join(", ", AfterTeardownWorld.Hosts.Select(h => $"{h} {StaleMac(h)}")), unreferenced.Observed);
        Assert.Equal("defined, active, bridge virbr6", gate.Gate.Lines.Single(l => l.Code == "network-gone").Observed);
    }

    [Fact]
    public async Task A_missing_host_domain_refuses_as_the_teardown_not_holding_and_its_gate_line_is_red()
    {
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Contains("domain-off openstack2: no such domain", Assert.Single(run.Assessment.Plan.Findings).Message, StringComparison.Ordinal);
        Assert.Contains(run.Assessment.Gate.Lines, l => l is { Code: "host-kept", Subject: "openstack2", Holds: false });
    }

    [Fact]
    public async Task An_unreachable_hypervisor_is_fatal_and_the_gate_says_why()
    {
        var world = new AfterTeardownWorld(hypervisor: new UnreachableHypervisor());

        var run = await world.RunAsync(Step(world), RunMode.Apply);
        var gate = await world.RunAsync(Step(world), RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["hypervisor-unreachable hypervisor"], Codes(run, Severity.Fatal));
        Assert.Equal(ExitCode.GateRed, gate.ExitCode);
        Assert.StartsWith("cannot connect to libvirt", Assert.Single(gate.Gate!.Lines).Observed, StringComparison.Ordinal);
    }

    private string DefineBystander()
    {
        _world.Hypervisor.DefineDomain("bystander", DomainState.Running, [new DomainDisk("vda", "disk", "/var/lib/libvirt/images/bystander.qcow2", "qcow2")],
            [new LabNic("52:54:00:aa:00:01", "metal-admin", 1)]);
        return "bystander";
    }

    private async Task AssertUntouchedAsync()
    {
        Assert.True(await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None) is { Active: true });
        Assert.All(AfterTeardownWorld.Hosts, h => Assert.Contains(_world.Hypervisor.NicsOf(h), n => n.Network == Stale));
        Assert.Empty(_world.Services.MemoryJournal.Written);
        Assert.Empty(_world.Services.MemoryJournal.Captures);
    }
}
