using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>
/// Later steps stand on the teardown: once Step 5 re-enrols the hosts with new system_ids, the machines torn down are
/// still gone, so its plan has nothing to do and its gate holds — but only against the journalled ids.
/// </summary>
public sealed class TeardownAfterReenrolmentTests
{
    private readonly TeardownWorld _world = new();

    private static readonly Dictionary<string, string> Journalled = new()
    {
        ["host:openstack0"] = "host00", ["host:openstack1"] = "host01", ["host:openstack2"] = "host02", ["host:openstack3"] = "host03",
    };

    private void ReenrolledWithNewIds()
    {
        _world.TornDownByDestroy();
        for (var i = 0; i < 4; i++)
            _world.Machines.Add(new MaasMachine($"new00{i}", $"openstack{i}", 4, "Ready", "off", null, [], "admin"));
    }

    private async Task<StepAssessment> AssessWithJournalAsync(Dictionary<string, string>? baseline)
    {
        var services = _world.Services;
        if (baseline is not null)
            services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UtcNow, "caracal-testcloud", TeardownStep.StepName, JournalEvent.Plan, "f", Arguments: baseline));
        return await _world.AssessAsync(TeardownWorld.Destroy, services);
    }

    [Fact]
    public async Task Hosts_re_enrolled_with_new_system_ids_leave_nothing_to_do_and_the_gate_holds()
    {
        ReenrolledWithNewIds();

        var assessment = await AssessWithJournalAsync(Journalled);

        Assert.Empty(assessment.Plan.Actions);
        Assert.DoesNotContain(assessment.Plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.True(assessment.Gate.Green, string.Join("; ", assessment.Gate.Lines.Where(l => !l.Holds)));
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack2", Observed: "re-enrolled since as new002 Ready" });
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "domain-present", Subject: "openstack2", Holds: true });
        Assert.Contains(assessment.Plan.Tables[0].Rows, r => r[0] == "openstack1" && r[^1] == "re-enrolled since");
    }

    [Fact]
    public async Task Without_a_journalled_teardown_a_host_in_maas_outside_the_model_stays_fatal_and_red()
    {
        ReenrolledWithNewIds();

        var assessment = await AssessWithJournalAsync(null);

        Assert.Contains(assessment.Plan.Findings, f => f is { Code: "host-outside-model", Subject: "openstack0", Severity: Severity.Fatal });
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack0", Holds: false });
    }

    [Fact]
    public async Task A_host_still_holding_the_journalled_system_id_is_not_re_enrolled()
    {
        ReenrolledWithNewIds();
        _world.Machines.RemoveAll(m => m.Hostname == "openstack3");
        _world.Machines.Add(new MaasMachine("host03", "openstack3", 4, "Ready", "off", null, [], "admin"));

        var assessment = await AssessWithJournalAsync(Journalled);

        Assert.Contains(assessment.Plan.Findings, f => f is { Code: "host-outside-model", Subject: "openstack3" });
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack3", Holds: false, Observed: "host03 Ready" });
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack2", Holds: true });
    }

    [Fact]
    public async Task A_re_enrolled_host_back_in_a_model_is_a_teardown_target_again()
    {
        ReenrolledWithNewIds();
        _world.ModelExists = true;
        _world.ModelMachines.Clear();
        _world.ModelMachines.Add(TeardownWorld.ModelMachine("0", "new000"));

        var assessment = await AssessWithJournalAsync(Journalled);

        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack0", Holds: false });
        Assert.Contains(assessment.Plan.Actions, a => TeardownAction.From(a) is TeardownAction.DestroyModel);
    }

    /// <summary>
    /// A later applied teardown plan that no longer saw the hosts (a re-run that only deleted the orphan) does not
    /// erase their ids: the teardown's gate and re-enrolment read them by one rule, the latest plan that saw each host.
    /// </summary>
    [Fact]
    public async Task An_applied_plan_that_no_longer_saw_the_hosts_keeps_the_earlier_ids_for_the_gate_and_re_enrolment()
    {
        ReenrolledWithNewIds();
        var services = _world.Services;
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", TeardownStep.StepName, JournalEvent.Plan, "f1", Arguments: Journalled));
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch.AddHours(1), "caracal-testcloud", TeardownStep.StepName, JournalEvent.Plan, "f2",
            Arguments: new Dictionary<string, string> { ["host:openstack3"] = "host03b" }));

        var assessment = await _world.AssessAsync(TeardownWorld.Destroy, services);
        var record = TeardownRecord.Read(services.Journal, TeardownWorld.Site);

        Assert.True(assessment.Gate.Green, string.Join("; ", assessment.Gate.Lines.Where(l => !l.Holds)));
        Assert.Contains(assessment.Gate.Lines, l => l is { Code: "host-gone", Subject: "openstack0", Observed: "re-enrolled since as new000 Ready" });
        Assert.Equal(["host00", "host01", "host02", "host03b"], TeardownWorld.Site.Hosts.Select(h => record.IdOf(h.Name)));
        Assert.Null(TeardownRecord.Read(new Support.MemoryJournal(), TeardownWorld.Site).IdOf("openstack0"));
    }
}
