using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>
/// What Step 5 shows while it works and after: the hosts table for a MAC held under another hostname and a domain
/// without a boot NIC, the lost-answer progress line, the wait's one row per state change, a host renamed in MAAS
/// during the wait, and the fresh-id gate line naming the id MAAS holds now.
/// </summary>
public sealed class ReenrollWatchTests
{
    private readonly ReenrollWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private Task<StepRun> ApplyAsync(TimeSpan? wait = null) => _world.ApplyAsync(_observer, wait);

    private static Dictionary<string, string> Rows(StepPlan plan) =>
        plan.Tables.Single().Rows.ToDictionary(r => r[0], r => string.Join(" | ", r.Skip(1)));

    [Fact]
    public async Task The_hosts_table_shows_the_machine_holding_the_boot_mac_and_refuses_a_domain_without_a_boot_nic()
    {
        var mac = _world.BootMac("openstack2");
        _world.Maas.Add("intruder", "Ready", mac);
        _world.Hypervisor.DefineDomain("openstack3", DomainState.ShutOff, [], _world.Hypervisor.NicsOf("openstack3").Where(n => n.Network != "metal-admin"));

        var plan = (await _world.AssessAsync()).Plan;

        var rows = Rows(plan);
        Assert.Equal($"defined | {mac} | id001 | Ready | REFUSED", rows["openstack2"]);
        Assert.Equal("defined | - | - | absent | REFUSED", rows["openstack3"]);
        Assert.Contains(plan.Findings, f => f is { Code: "boot-nic", Subject: "openstack3" });
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_says_it_re_reads_by_mac_instead_of_sending_again()
    {
        _world.Maas.LostCreates.Enqueue(true);

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var mac = _world.BootMac("openstack0");
        Assert.Single(_observer.Events, e => e.StartsWith("progress POST machines openstack0: the answer was lost (", StringComparison.Ordinal)
            && e.EndsWith($"); re-reading by MAC {mac} instead of sending it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wait_shows_one_row_per_host_and_state_however_often_it_polls()
    {
        _world.Maas.Add("openstack0", "Commissioning", _world.BootMac("openstack0")).Commissions = true;
        foreach (var host in ReenrollWorld.Hosts.Skip(1))
            _world.Maas.Add(host, "Ready", _world.BootMac(host));
        _world.Maas.Stuck = true;

        var run = await ApplyAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.True(_world.Maas.MacReads > 3, $"the wait polled {_world.Maas.MacReads} times");
        Assert.Equal(["progress openstack0   id001 Commissioning"], _observer.Events.Where(e => e.StartsWith("progress openstack0 ", StringComparison.Ordinal)).Select(e => e[..e.LastIndexOf(" [", StringComparison.Ordinal)]));
        Assert.EndsWith(": openstack0 id001 Commissioning", run.Actions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_renamed_in_maas_during_the_wait_is_absent_not_ready()
    {
        var mac = _world.BootMac("openstack1");
        _observer.OnActionStarted = kind =>
        {
            if (kind != "await-ready") return;
            var created = _world.Maas.Machines.Single(m => m.Hostname == "openstack1");
            _world.Maas.Machines.Remove(created);
            _world.Maas.Machines.Add(new EnrolmentMaas.Machine(created.SystemId, "renamed", "Ready", [mac]));
        };

        var run = await ApplyAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var wait = run.Actions.Single(a => a.Action.Kind == "await-ready");
        Assert.Equal(ActionOutcome.Failed, wait.Outcome);
        Assert.Contains("openstack1 absent", wait.Detail, StringComparison.Ordinal);
        Assert.Contains(_observer.Events, e => e.StartsWith("progress openstack1   absent [", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fresh_id_line_names_the_id_maas_holds_now_against_the_journalled_one()
    {
        foreach (var host in ReenrollWorld.Hosts)
            _world.Maas.Machines.Add(new EnrolmentMaas.Machine("new-" + host, host, "Ready", [_world.BootMac(host)]));

        var gate = (await _world.AssessAsync()).Gate;

        var fresh = Assert.Single(gate.Lines, l => l is { Code: "fresh-id", Subject: "openstack2" });
        Assert.Equal((true, "not old-openstack2 (journalled before the teardown)", "new-openstack2"), (fresh.Holds, fresh.Expected, fresh.Observed));
    }
}
