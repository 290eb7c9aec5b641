using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

public sealed class TeardownPlanTests
{
    private readonly TeardownWorld _world = new();

    private static IEnumerable<string> Fatal(StepAssessment a) => a.Plan.Findings.Where(f => f.Severity == Severity.Fatal).Select(f => $"{f.Code} {f.Subject}");

    [Fact]
    public async Task The_destroy_path_captures_destroys_the_model_with_its_storage_and_deletes_the_orphan()
    {
        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);
        var plan = assessment.Plan;

        Assert.Empty(Fatal(assessment));
        Assert.Equal(["capture-model openstack", "destroy-model openstack", "delete-machine capi-mgmt"], plan.Actions.Select(a => $"{a.Kind} {a.Subject}"));
        Assert.Equal("destroy", plan.Actions[1].Arguments["storage"]);
        Assert.Equal("openstack0=host00,openstack1=host01,openstack2=host02,openstack3=host03", plan.Actions[1].Arguments["hosts"]);
        Assert.Equal("capi00", plan.Actions[2].Arguments["system_id"]);
        Assert.Equal("host02", plan.Baseline["host:openstack2"]);
        Assert.Equal("juju00 Deployed owner=admin", plan.Baseline["protected:juju"]);
        Assert.Contains(plan.Notes, n => n.Contains("--destroy-storage", StringComparison.Ordinal));
        var rows = Assert.Single(plan.Tables).Rows;
        Assert.Equal(["decompose", "decompose", "decompose", "decompose", "delete", "EXCLUDED (protected)", "EXCLUDED (protected)", "EXCLUDED (protected)"], rows.Select(r => r[^1]));
        Assert.False(assessment.Gate.Green);
    }

    [Fact]
    public async Task A_protected_machine_inside_the_model_is_fatal()
    {
        _world.ModelMachines.Add(TeardownWorld.ModelMachine("4", "juju00"));

        Assert.Equal(["protected-in-model juju"], Fatal(await _world.AssessAsync(TeardownWorld.Destroy)));
    }

    [Fact]
    public async Task A_model_machine_that_is_not_a_site_host_is_fatal()
    {
        _world.ModelMachines.Add(TeardownWorld.ModelMachine("4", "stray0"));

        Assert.Equal(["model-machine-unknown machine 4"], Fatal(await _world.AssessAsync(TeardownWorld.Destroy)));
    }

    [Fact]
    public async Task A_model_that_cannot_be_read_is_fatal_never_a_warning()
    {
        _world.JujuError = new JujuException(JujuFailure.CommandFailed, "cannot run juju") { Argv = ["juju"], ExitCode = null, StderrTail = "" };

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Equal(["juju-unreadable openstack"], Fatal(assessment));
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "model-gone", Holds: false, Observed: "cannot run juju" });
    }

    [Fact]
    public async Task A_host_without_its_domain_is_fatal_because_re_enrolment_needs_it()
    {
        _world.Hypervisor.UndefineWithStorage("openstack1");

        Assert.Equal(["domain-missing openstack1"], Fatal(await _world.AssessAsync(TeardownWorld.Destroy)));
    }

    [Fact]
    public async Task An_unreachable_hypervisor_is_fatal()
    {
        var services = _world.Services with { Hypervisor = new UnreachableHypervisor() };

        Assert.Equal(["hypervisor-unreachable hypervisor"], Fatal(await _world.AssessAsync(TeardownWorld.Destroy, services)));
    }

    [Fact]
    public async Task On_the_destroy_path_a_host_in_maas_but_outside_the_model_is_fatal_deleting_it_would_destroy_its_vm()
    {
        _world.ModelMachines.RemoveAt(3);

        Assert.Equal(["host-outside-model openstack3"], Fatal(await _world.AssessAsync(TeardownWorld.Destroy)));
    }

    [Fact]
    public async Task An_orphan_that_is_a_pod_vm_is_a_warning()
    {
        _world.Machines[4] = TeardownWorld.Deployed("capi-mgmt", "capi00", pod: "kvm");

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Contains(assessment.Plan.Findings, f => f is { Severity: Severity.Warning, Code: "orphan-pod-vm", Subject: "capi-mgmt" });
        Assert.Empty(Fatal(assessment));
    }

    [Fact]
    public async Task With_the_model_gone_and_the_targets_absent_there_is_nothing_to_do_and_the_gate_holds()
    {
        _world.TornDownByDestroy();

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Empty(assessment.Plan.Actions);
        Assert.Empty(Fatal(assessment));
        Assert.True(assessment.Gate.Green, string.Join("; ", assessment.Gate.Lines.Where(l => !l.Holds).Select(l => $"{l.Code} {l.Subject} {l.Observed}")));
        Assert.Equal(13, assessment.Gate.Lines.Count);
    }

    [Fact]
    public async Task The_gate_is_red_for_a_domain_left_running()
    {
        _world.TornDownByDestroy();
        _world.Hypervisor.SetState("openstack3", DomainState.Running);

        var gate = (await _world.AssessAsync(TeardownWorld.Destroy)).Gate;

        var red = Assert.Single(gate.Lines, l => !l.Holds);
        Assert.Equal(("domain-off", "openstack3", "running"), (red.Code, red.Subject, red.Observed));
    }

    [Fact]
    public async Task The_gate_is_red_when_a_protected_machine_changed_since_the_journalled_baseline()
    {
        _world.TornDownByDestroy();
        var services = _world.Services;
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Plan,
            Arguments: new Dictionary<string, string> { ["protected:lxd"] = "lxd000 Deployed owner=admin" }));
        _world.Machines[_world.Machines.FindIndex(m => m.Hostname == "lxd")] = TeardownWorld.Deployed("lxd", "lxd000", pod: null) with { StatusName = "Releasing" };

        var gate = (await _world.AssessAsync(TeardownWorld.Destroy, services)).Gate;

        var red = Assert.Single(gate.Lines, l => !l.Holds);
        Assert.Equal(("protected-same", "lxd", "lxd000 Deployed owner=admin", "lxd000 Releasing owner=admin"), (red.Code, red.Subject, red.Expected, red.Observed));
    }

    [Fact]
    public async Task The_release_canary_plans_the_first_host_only_forced_because_it_hosts_a_unit()
    {
        var plan = (await _world.AssessAsync(TeardownWorld.Release(canary: true))).Plan;

        var action = Assert.Single(plan.Actions);
        Assert.Equal(("remove-machine", "openstack0", "0", "true"), (action.Kind, action.Subject, action.Arguments["machine"], action.Arguments["force"]));
        Assert.Contains("ceph-osd/0", action.Description, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.Contains("NOT a route into phase-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_machine_without_units_is_removed_without_force()
    {
        _world.Units.RemoveAll(u => u.Machine == "0");

        var action = Assert.Single((await _world.AssessAsync(TeardownWorld.Release(canary: true))).Plan.Actions);

        Assert.Equal("false", action.Arguments["force"]);
        Assert.DoesNotContain("--force", action.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_release_path_removes_every_host_then_the_model_releasing_its_storage_then_the_orphan()
    {
        var plan = (await _world.AssessAsync(TeardownWorld.Release())).Plan;

        Assert.Equal(["remove-machine openstack0", "remove-machine openstack1", "remove-machine openstack2", "remove-machine openstack3",
            "destroy-model openstack", "delete-machine capi-mgmt"], plan.Actions.Select(a => $"{a.Kind} {a.Subject}"));
        Assert.Equal("release", plan.Actions[4].Arguments["storage"]);
    }

    [Fact]
    public async Task The_release_gate_holds_only_while_each_host_keeps_the_journalled_system_id()
    {
        var services = _world.Services;
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Plan,
            Arguments: new Dictionary<string, string> { ["host:openstack0"] = "old000" }));
        _world.ModelMachines.Clear();

        var gate = (await _world.AssessAsync(TeardownWorld.Release(canary: true), services)).Gate;

        var red = Assert.Single(gate.Lines, l => !l.Holds);
        Assert.Equal(("host-survived", "openstack0"), (red.Code, red.Subject));
        Assert.Contains("old000", red.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("destroy", true, "--canary goes with --path release")]
    [InlineData("sideways", false, "--path sideways: expected destroy or release")]
    public void Options_that_make_no_sense_are_refused(string path, bool canary, string message)
    {
        var values = new Dictionary<string, IReadOnlyList<string>> { ["path"] = [path] };
        if (canary)
            values["canary"] = ["true"];

        var error = Assert.Throws<StepArgumentException>(() => TeardownStep.Definition.Create(_world.Services, new StepArguments(values)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
