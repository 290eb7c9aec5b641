using Slate.Runbook.Core;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>Step 5's apply on a scripted MAAS: creates, the one-read-per-poll wait, lost answers, failed commissioning, the gate.</summary>
public sealed class ReenrollApplyTests
{
    private readonly ReenrollWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private Task<StepRun> ApplyAsync(TimeSpan? wait = null) => _world.ApplyAsync(_observer, wait);

    [Fact]
    public async Task Apply_creates_the_missing_hosts_asks_the_password_once_and_waits_with_one_read_per_poll_until_all_are_ready()
    {
        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(ReenrollWorld.Hosts, _world.Maas.Enlisted.Select(e => e.Hostname));
        Assert.Equal(ReenrollWorld.Hosts.Select(_world.BootMac), _world.Maas.Enlisted.Select(e => e.BootMac));
        Assert.All(_world.Maas.PasswordsSent, p => Assert.Equal(ReenrollWorld.Password, p));
        Assert.Single(_world.Prompts);
        Assert.Equal(ReenrollWorld.Hosts, _world.Maas.Machines.Select(m => m.Hostname));
        Assert.All(_world.Maas.Machines, m => Assert.Equal("Ready", m.Status));
        // the plan's read, Commissioning → Testing → Ready in two polls of one read each, the re-assessment's read
        Assert.Equal(1 + 2 + 1, _world.Maas.MacReads);
        Assert.True(run.Gate!.Green);
        Assert.Contains(_observer.Events, e => e.StartsWith("progress openstack2   ", StringComparison.Ordinal) && e.Contains("Testing"));
    }

    [Fact]
    public async Task A_first_signal_while_waiting_for_ready_ends_the_wait_keeps_the_machines_and_ends_the_run_interrupted()
    {
        using var interruption = new Interruption();
        _observer.OnActionStarted = kind => { if (kind == "await-ready") interruption.Signal(ExitCode.Interrupted); };

        var run = await new StepRunner(_world.Services, _observer, interruption, []).RunAsync(_world.Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Interrupted, run.ExitCode);
        Assert.Equal(ReenrollWorld.Hosts, _world.Maas.Enlisted.Select(e => e.Hostname));
        var waited = Assert.Single(run.Actions, a => a.Action.Kind == "await-ready");
        Assert.Equal(ActionOutcome.Done, waited.Outcome);
        Assert.StartsWith("stopped waiting for the hosts to reach Ready after ", waited.Detail, StringComparison.Ordinal);
        Assert.Contains("on a signal: the change was made; last seen: ", waited.Detail, StringComparison.Ordinal);
        // the plan's read, the one poll the wait made before it stopped, the gate's read
        Assert.Equal(1 + 1 + 1, _world.Maas.MacReads);
    }

    [Fact]
    public async Task The_password_never_reaches_the_journal_the_plan_or_the_operator()
    {
        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var everything = string.Join("\n", _world.Services.MemoryJournal.Written.Select(e => $"{e} {string.Join(",", e.Arguments ?? new Dictionary<string, string>())}")
            .Concat(_observer.Events).Concat(run.Actions.Select(a => $"{a.Action} {a.Detail} {string.Join(",", a.Action.Arguments)}"))
            .Concat(_world.Maas.Enlisted.Select(e => e.ToString())));
        Assert.DoesNotContain(ReenrollWorld.Password, everything, StringComparison.Ordinal);
        Assert.Contains("Password = ***", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_after_maas_applied_it_is_adopted_by_mac_and_never_sent_again()
    {
        _world.Maas.LostCreates.Enqueue(false);
        _world.Maas.LostCreates.Enqueue(true);

        var first = await ApplyAsync();

        // the first create never reached MAAS: nothing to adopt, so it fails and the run stops there without resending
        Assert.Equal(ExitCode.Error, first.ExitCode);
        Assert.Single(_world.Maas.Enlisted);
        Assert.Empty(_world.Maas.Machines);

        var second = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, second.ExitCode);
        Assert.Equal(ReenrollWorld.Hosts, _world.Maas.Machines.Select(m => m.Hostname));
        Assert.Equal(1 + 4, _world.Maas.Enlisted.Count);
        Assert.Contains("adopted", second.Actions[0].Detail, StringComparison.Ordinal);
        Assert.Equal(ActionOutcome.Done, second.Actions[0].Outcome);
    }

    [Fact]
    public async Task A_create_maas_refused_with_503_is_sent_again_and_creates_each_host_once()
    {
        _world.Maas.UnavailableCreates = 2;

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["openstack0", "openstack0", "openstack0", "openstack1", "openstack2", "openstack3"], _world.Maas.Enlisted.Select(e => e.Hostname));
        Assert.Equal(ReenrollWorld.Hosts, _world.Maas.Machines.Select(m => m.Hostname));
        Assert.Contains(_observer.Events, e => e.Contains($"; sending again (2/{MaasWrites.Attempts})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_failing_commissioning_exits_3_and_the_gate_names_it_with_maas_message()
    {
        _world.Maas.FailCommissioning.Add("openstack2");

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        var red = Assert.Single(run.Gate!.Lines, l => !l.Holds && l.Code == "ready");
        Assert.Equal("openstack2", red.Subject);
        Assert.EndsWith("Failed commissioning (Failed commissioning: 50-maas-01-commissioning exited 1)", red.Observed, StringComparison.Ordinal);
        Assert.Contains("openstack2", run.Actions[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_maas_cannot_power_settles_at_new_while_the_others_reach_ready_and_the_step_says_what_to_do()
    {
        _world.Maas.Unpowerable.Add("openstack1");

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["Ready", "New", "Ready", "Ready"], _world.Maas.Machines.Select(m => m.Status));
        var wait = run.Actions[^1].Detail;
        Assert.Contains("MAAS could not power openstack1 and aborted commissioning", wait, StringComparison.Ordinal);
        Assert.Contains("--password-file", wait, StringComparison.Ordinal);
        Assert.Contains("re-run `slate reenroll --apply`", wait, StringComparison.Ordinal);
        var red = Assert.Single(run.Gate!.Lines, l => !l.Holds && l.Code == "ready");
        Assert.Equal("openstack1", red.Subject);
        Assert.EndsWith($"New ({EnrolmentMaas.Unpowered})", red.Observed, StringComparison.Ordinal);
        // settled on the poll that saw it, with the others: no wait to the budget's end
        Assert.Equal(1 + 2 + 1, _world.Maas.MacReads);
    }

    [Fact]
    public async Task A_re_run_sets_the_power_with_the_password_given_now_then_commissions_and_reaches_ready()
    {
        _world.Maas.Unpowerable.Add("openstack1");
        await ApplyAsync();
        var id = _world.Maas.Machines.Single(m => m.Hostname == "openstack1").SystemId;
        _world.Typed = "the-right-one";

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(4, _world.Maas.Enlisted.Count);
        var (systemId, power) = Assert.Single(_world.Maas.PowerSet);
        Assert.Equal((id, "qemu+ssh://jessea123@10.12.8.1/system", "openstack1", "the-right-one"), (systemId, power.Address, power.Domain, power.Password.Reveal()));
        Assert.Equal([id], _world.Maas.Commissioned);
        Assert.All(_world.Maas.Machines, m => Assert.Equal("Ready", m.Status));
        Assert.Contains(run.Actions, a => a.Action.Kind == "repower-machine" && a.Detail == $"openstack1 ({id}) power set again, Commissioning");
    }

    [Fact]
    public async Task A_power_update_whose_answer_was_lost_is_unknown_commissions_nothing_and_asks_for_a_re_run()
    {
        _world.Maas.Unpowerable.Add("openstack1");
        await ApplyAsync();
        _world.Maas.LoseRepowerAnswer = true;

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var repower = Assert.Single(run.Actions, a => a.Action.Kind == "repower-machine");
        Assert.Equal(ActionOutcome.Unknown, repower.Outcome);
        Assert.Contains("the answer was lost", repower.Detail, StringComparison.Ordinal);
        Assert.Contains("re-run", repower.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Maas.Commissioned);
    }

    [Fact]
    public async Task Without_a_password_nothing_is_created()
    {
        _world.Typed = null;

        var run = await ApplyAsync();

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Empty(_world.Maas.Enlisted);
        Assert.Equal(ActionOutcome.Failed, run.Actions[0].Outcome);
        Assert.Contains("--password-file", run.Actions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosts_that_never_reach_ready_within_the_budget_fail_the_wait()
    {
        _world.Maas.Add("openstack0", "Commissioning", _world.BootMac("openstack0")).Commissions = true;
        foreach (var host in ReenrollWorld.Hosts.Skip(1))
            _world.Maas.Add(host, "Ready", _world.BootMac(host));
        _world.Maas.Stuck = true;

        var run = await ApplyAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(ActionOutcome.Failed, Assert.Single(run.Actions).Outcome);
        Assert.Contains("openstack0", run.Actions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_is_red_for_an_id_the_teardown_journalled_and_when_no_teardown_was_journalled()
    {
        foreach (var host in ReenrollWorld.Hosts)
            _world.Maas.Machines.Add(new EnrolmentMaas.Machine(host == "openstack1" ? "old-openstack1" : "new-" + host, host, "Ready", [_world.BootMac(host)]));

        var gate = (await _world.AssessAsync()).Gate;

        var fresh = gate.Lines.Where(l => l.Code == "fresh-id").ToList();
        Assert.Equal(["openstack1"], fresh.Where(l => !l.Holds).Select(l => l.Subject));

        _world.Services.MemoryJournal.Written.Clear();
        var unjournalled = (await _world.AssessAsync()).Gate;

        Assert.All(unjournalled.Lines.Where(l => l.Code == "fresh-id"), l => Assert.False(l.Holds));
        Assert.All(unjournalled.Lines.Where(l => l.Code == "ready"), l => Assert.True(l.Holds));
    }
}
