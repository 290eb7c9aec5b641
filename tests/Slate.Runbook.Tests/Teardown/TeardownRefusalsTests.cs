using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>The teardown's refusals and warnings the operator reads before applying, and the gate lines that need the journal or the hypervisor.</summary>
public sealed class TeardownRefusalsTests
{
    private readonly TeardownWorld _world = new();

    private static IEnumerable<string> Findings(StepAssessment a, Severity severity) =>
        a.Plan.Findings.Where(f => f.Severity == severity).Select(f => $"{f.Code} {f.Subject}");

    [Fact]
    public async Task An_orphan_the_site_also_protects_is_refused_as_a_protected_target()
    {
        var services = _world.Services with { Site = TeardownWorld.Site with { Orphans = ["capi-mgmt", "lxd"] } };

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy, services);

        Assert.Equal(["protected-target lxd"], Findings(assessment, Severity.Fatal));
    }

    [Fact]
    public async Task A_model_machine_that_is_a_known_maas_machine_but_not_a_site_host_is_fatal()
    {
        _world.ModelMachines.Add(TeardownWorld.ModelMachine("4", "capi00"));

        var finding = Assert.Single((await _world.AssessAsync(TeardownWorld.Destroy)).Plan.Findings, f => f.Severity == Severity.Fatal);

        Assert.Equal(("model-machine-unknown", "machine 4", "capi00"), (finding.Code, finding.Subject, finding.Observed));
        Assert.StartsWith("instance capi00 is not one of the site's hosts", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_machine_without_an_instance_is_fatal_and_shown_as_none()
    {
        _world.ModelMachines.Add(TeardownWorld.ModelMachine("4", "host04") with { InstanceId = null });

        var finding = Assert.Single((await _world.AssessAsync(TeardownWorld.Destroy)).Plan.Findings, f => f.Severity == Severity.Fatal);

        Assert.Equal(("model-machine-unknown", "none"), (finding.Code, finding.Observed));
        Assert.StartsWith("instance none is not one of the site's hosts", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_machine_missing_from_maas_is_a_warning_only_that_one()
    {
        _world.Machines.RemoveAll(m => m.Hostname == "tailscale");

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy);

        Assert.Equal(["protected-absent tailscale"], Findings(assessment, Severity.Warning));
        Assert.Empty(Findings(assessment, Severity.Fatal));
    }

    [Fact]
    public async Task With_the_hypervisor_unreachable_the_domain_lines_show_its_error()
    {
        _world.TornDownByDestroy();
        var services = _world.Services with { Hypervisor = new UnreachableHypervisor() };

        var destroyGate = (await _world.AssessAsync(TeardownWorld.Destroy, services)).Gate;
        var canaryGate = (await _world.AssessAsync(TeardownWorld.Release(canary: true), services)).Gate;

        const string down = "cannot connect to libvirt at qemu:///system: Failed to connect socket";
        Assert.Equal(Enumerable.Repeat(down, 4), destroyGate.Lines.Where(l => l.Code == "domain-off").Select(l => l.Observed));
        Assert.Equal(down, Assert.Single(canaryGate.Lines, l => l.Code == "domain-present").Observed);
    }

    [Fact]
    public async Task A_missing_domain_is_named_on_the_gate()
    {
        _world.TornDownByDestroy();
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var destroyGate = (await _world.AssessAsync(TeardownWorld.Destroy)).Gate;
        _world.Hypervisor.UndefineWithStorage("openstack0");
        var canaryGate = (await _world.AssessAsync(TeardownWorld.Release(canary: true))).Gate;

        Assert.Equal("no such domain: re-enrolment needs it", Assert.Single(destroyGate.Lines, l => l is { Code: "domain-off", Subject: "openstack2" }).Observed);
        Assert.Equal("no such domain", Assert.Single(canaryGate.Lines, l => l.Code == "domain-present").Observed);
    }

    [Theory]
    [InlineData("caracal-testcloud", "osd-wipe", "plan")]
    [InlineData("caracal-testcloud", "teardown", "confirmed")]
    [InlineData("other-cloud", "teardown", "plan")]
    public async Task Only_this_clouds_teardown_plan_is_the_journalled_baseline(string cloud, string step, string @event)
    {
        _world.TornDownByDestroy();
        var services = _world.Services;
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Plan,
            Arguments: new Dictionary<string, string> { ["protected:lxd"] = "lxd000 Deployed owner=admin" }));
        services.MemoryJournal.Append(new JournalEntry(DateTimeOffset.UnixEpoch.AddMinutes(1), cloud, step, JournalEvents.TryParse(@event, out var word) ? word : throw new ArgumentException(@event),
            Arguments: new Dictionary<string, string> { ["protected:lxd"] = "lxd000 Releasing owner=admin" }));
        _world.Machines[_world.Machines.FindIndex(m => m.Hostname == "lxd")] = TeardownWorld.Deployed("lxd", "lxd000", pod: null) with { StatusName = "Releasing" };

        var gate = (await _world.AssessAsync(TeardownWorld.Destroy, services)).Gate;

        var red = Assert.Single(gate.Lines, l => !l.Holds);
        Assert.Equal(("protected-same", "lxd", "lxd000 Deployed owner=admin"), (red.Code, red.Subject, red.Expected));
    }
}
