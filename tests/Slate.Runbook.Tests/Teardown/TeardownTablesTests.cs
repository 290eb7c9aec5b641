using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>The teardown's targets table and gate lines as the operator reads them, before and after each path.</summary>
public sealed class TeardownTablesTests
{
    private readonly TeardownWorld _world = new();

    private static IEnumerable<string> Rows(StepAssessment assessment) => assessment.Plan.Tables[0].Rows.Select(r => string.Join("|", r));

    private static IEnumerable<string> Lines(GateReport gate) => gate.Lines.Select(l => $"{l.Code} {l.Subject} {(l.Holds ? "holds" : "FAILS")}: {l.Observed}");

    [Fact]
    public async Task Before_the_destroy_every_target_is_resolved_live_and_the_protected_ones_are_excluded()
    {
        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Equal("targets (resolved live; model openstack: present)", assessment.Plan.Tables[0].Title);
        Assert.Equal(
        [
            "openstack0|host|host00|Deployed|0|running|decompose", "openstack1|host|host01|Deployed|1|running|decompose",
            "openstack2|host|host02|Deployed|2|running|decompose", "openstack3|host|host03|Deployed|3|running|decompose",
            "capi-mgmt|orphan|capi00|Deployed|-|-|delete",
            "juju|protected|juju00|Deployed|-|-|EXCLUDED (protected)", "lxd|protected|lxd000|Deployed|-|-|EXCLUDED (protected)",
            "tailscale|protected|tails0|Deployed|-|-|EXCLUDED (protected)",
        ], Rows(assessment));
        Assert.Equal(
        [
            "model-gone openstack FAILS: present",
            "host-gone openstack0 FAILS: host00 Deployed", "domain-off openstack0 FAILS: running",
            "host-gone openstack1 FAILS: host01 Deployed", "domain-off openstack1 FAILS: running",
            "host-gone openstack2 FAILS: host02 Deployed", "domain-off openstack2 FAILS: running",
            "host-gone openstack3 FAILS: host03 Deployed", "domain-off openstack3 FAILS: running",
            "orphan-gone capi-mgmt FAILS: capi00 Deployed",
            "protected-same juju holds: juju00 Deployed owner=admin", "protected-same lxd holds: lxd000 Deployed owner=admin",
            "protected-same tailscale holds: tails0 Deployed owner=admin",
        ], Lines(assessment.Gate));
    }

    [Fact]
    public async Task After_the_destroy_the_targets_are_gone_and_every_line_holds()
    {
        _world.TornDownByDestroy();

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Equal("targets (resolved live; model openstack: absent)", assessment.Plan.Tables[0].Title);
        Assert.Equal("openstack0|host|-|absent|-|shut off|gone", Rows(assessment).First());
        Assert.Equal("capi-mgmt|orphan|-|absent|-|-|gone", Rows(assessment).ElementAt(4));
        Assert.True(assessment.Gate.Green);
        Assert.Equal("model-gone openstack holds: absent", Lines(assessment.Gate).First());
        Assert.Equal("host-gone openstack0 holds: absent", Lines(assessment.Gate).ElementAt(1));
    }

    [Fact]
    public async Task A_domain_undefined_after_the_destroy_fails_its_line_because_re_enrolment_needs_it()
    {
        _world.TornDownByDestroy();
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var gate = (await _world.AssessAsync(TeardownWorld.Destroy)).Gate;

        var red = Assert.Single(gate.Lines, l => !l.Holds);
        Assert.Equal(("domain-off", "openstack2", "no such domain: re-enrolment needs it"), (red.Code, red.Subject, red.Observed));
    }

    [Fact]
    public async Task An_unreadable_model_is_said_in_the_table_and_fails_the_model_line_with_jujus_error()
    {
        _world.TornDownByDestroy();
        _world.JujuError = new JujuException(JujuFailure.Invalid, "juju status: connection refused");

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Equal("targets (resolved live; model openstack: UNREADABLE)", assessment.Plan.Tables[0].Title);
        var model = assessment.Gate.Lines[0];
        Assert.False(model.Holds);
        Assert.Contains("connection refused", model.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_release_canary_touches_the_first_host_only_and_its_gate_follows_that_host()
    {
        var before = await _world.AssessAsync(TeardownWorld.Release(canary: true));

        Assert.Equal("Step 2 — teardown, Path A: release, canary (first host only, then stop)", before.Plan.Heading);
        Assert.Equal(["openstack0|host|host00|Deployed|0|running|keep instance", "openstack1|host|host01|Deployed|1|running|untouched (not the canary)"],
            Rows(before).Take(2));
        Assert.Equal(["canary-out openstack0 FAILS: machine 0", "host-survived openstack0 holds: Deployed, system_id host00", "domain-present openstack0 holds: running"],
            Lines(before.Gate).Take(3));

        _world.ModelMachines.RemoveAll(m => m.Id == "0");
        var after = await _world.AssessAsync(TeardownWorld.Release(canary: true));

        Assert.Equal("canary-out openstack0 holds: removed", Lines(after.Gate).First());
        Assert.Equal(3 + 3, after.Gate.Lines.Count);
    }

    [Fact]
    public async Task A_canary_maas_no_longer_has_fails_both_its_lines()
    {
        _world.Machines.RemoveAll(m => m.Hostname == "openstack0");
        _world.Hypervisor.UndefineWithStorage("openstack0");

        var gate = (await _world.AssessAsync(TeardownWorld.Release(canary: true))).Gate;

        Assert.Equal(["canary-out openstack0 FAILS: not in MAAS", "host-survived openstack0 FAILS: not in MAAS", "domain-present openstack0 FAILS: no such domain"],
            Lines(gate).Take(3));
    }

    [Fact]
    public async Task The_full_release_gate_wants_each_host_still_deployed_with_its_domain()
    {
        _world.ModelExists = false;
        _world.Machines[1] = _world.Machines[1] with { StatusName = "Releasing" };

        var gate = (await _world.AssessAsync(TeardownWorld.Release())).Gate;

        Assert.Equal(["model-gone openstack holds: absent", "host-survived openstack0 holds: Deployed, system_id host00", "domain-present openstack0 holds: running",
            "host-survived openstack1 FAILS: Releasing, system_id host01"], Lines(gate).Take(4));
        Assert.Equal("Deployed, system_id (no journalled baseline)", gate.Lines[1].Expected);
    }
}
