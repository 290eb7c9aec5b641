using System.Globalization;
using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Reenroll;
using Slate.Runbook.Standup;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Phase;

/// <summary>The one list of the runbook, and the steps status, the exit gate, the order check and the rehearsal build from it.</summary>
public sealed class PhaseStepsTests
{
    private static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    [Fact]
    public void The_list_holds_every_step_once_in_the_order_of_the_runbooks_numbers()
    {
        var numbers = PhaseSteps.Definitions.Select(d => (int.Parse(string.Concat(d.Number.TakeWhile(char.IsAsciiDigit)), CultureInfo.InvariantCulture), d.Number)).ToList();

        Assert.Equal(numbers.Order().Distinct(), numbers);
        Assert.Equal(PhaseSteps.Definitions.Select(d => d.Name).Distinct(), PhaseSteps.Definitions.Select(d => d.Name));
    }

    [Fact]
    public void Every_step_comes_after_the_steps_it_needs()
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in PhaseSteps.Definitions)
        {
            Assert.All(definition.After, requirement => Assert.Contains(requirement.Step, earlier));
            earlier.Add(definition.Name);
        }
    }

    [Fact]
    public void Status_sees_every_step_in_order_the_carve_once_per_host_and_the_bundle_gate_live()
    {
        var entries = PhaseSteps.Entries(StepRunnerWorld.Services(), "cloud.bundle.yaml");

        Assert.Equal(
        [
            ("1", "preflight", "slate preflight"), ("2", "teardown", "slate teardown"), ("3", "networks prune", "slate networks prune"),
            ("4", "osd wipe", "slate osd wipe"), ("5", "reenroll", "slate reenroll"),
            .. Hosts.Select(h => ("6", $"carve {h}", $"slate carve {h}")),
            ("7a", "standup", "slate standup"), ("7b", "bundle check", "slate bundle check --live cloud.bundle.yaml"),
        ], entries.Select(e => (e.Number, e.Title, e.Command)));
        Assert.Equal(PhaseSteps.Definitions.Select(d => d.Name).Distinct(), entries.Select(e => e.Name).Distinct());
        Assert.Equal(entries.Select(e => e.Name), entries.Select(e => e.Step.Name));
        Assert.Equal([false, true, true, true, true, true, true, true, true, false, false], entries.Select(e => e.Mutates));
        Assert.Equal(CarveStep.Definition.After, entries.Single(e => e.Title == "carve openstack2").After);
    }

    [Fact]
    public void Without_a_bundle_status_leaves_out_only_the_bundle_gate()
    {
        var services = StepRunnerWorld.Services();

        Assert.Equal(PhaseSteps.Entries(services, "b.yaml").Select(e => e.Title).SkipLast(1), PhaseSteps.Entries(services, null).Select(e => e.Title));
    }

    [Fact]
    public void The_exit_gate_is_every_step_but_pre_flight_in_the_same_order()
    {
        var services = StepRunnerWorld.Services();

        Assert.Equal(PhaseSteps.Entries(services, "b.yaml").Skip(1).Select(e => e.Title), PhaseSteps.ExitParts(services, "b.yaml").Select(e => e.Title));
    }

    [Fact]
    public void The_rehearsal_names_each_step_by_its_label_and_heading_and_carves_only_the_hosts_it_is_given()
    {
        var services = StepRunnerWorld.Services();
        var hosts = services.Site.Hosts.Where(h => h.Name is "openstack1" or "openstack3").ToList();

        var entries = PhaseSteps.All.SelectMany(s => s.Entries(services, hosts, "b.yaml", PhaseSteps.Assess)).ToList();

        Assert.Equal(["pre-flight", "teardown", "networks", "osd wipe", "reenroll", "carve openstack1", "carve openstack3", "standup", "bundle gate"],
            entries.Select(e => e.Label));
        Assert.Equal(
        [
            "Step 1: pre-flight", "Step 2: teardown (Path B destroy)", "Step 3: stale networks", "Step 4: OSD wipe", "Step 5: re-enrolment",
            "Step 6: carve openstack1 (Pattern A)", "Step 6: carve openstack3 (Pattern A)", "Step 7a: standup (MAAS drift, read-only)",
            "Step 7b: bundle gate (live: MAAS's spaces and the hosts' provider MACs)",
        ], entries.Select(e => e.Heading));
        Assert.Equal("Step 6: carve (Pattern A)", PhaseSteps.All.Single(s => s.EachHost is not null).HeadingFor(null));
    }

    [Fact]
    public void The_rehearsal_gives_the_teardown_and_the_re_enrolment_the_minutes_the_lab_takes()
    {
        Assert.Equal(
            [("teardown", "2m"), ("reenroll", "5m")],
            PhaseSteps.All.Where(s => s.Rehearsed.Count > 0).Select(s => (s.Definition.Name, string.Join(' ', s.Rehearsed["wait"]))));
    }

    [Fact]
    public void A_step_that_changes_something_is_checked_against_the_steps_it_comes_after_each_by_its_command()
    {
        var services = StepRunnerWorld.Services();

        var prerequisites = PhaseOrder.PrerequisitesOf(ReenrollStep.StepName, services);

        Assert.Equal([("slate networks prune", "networks"), ("slate osd wipe", "osd")], prerequisites.Select(p => (p.Command, p.Step.Name)));
        Assert.Equal(ReenrollStep.Definition.After, prerequisites.Select(p => p.Requirement));
        Assert.Equal([("slate reenroll", "reenroll")], PhaseOrder.PrerequisitesOf(CarveStep.StepName, services).Select(p => (p.Command, p.Step.Name)));
    }

    [Fact]
    public void A_read_only_step_is_never_refused_for_the_order_even_when_it_names_steps_before_it()
    {
        Assert.NotEmpty(StandupStep.Definition.After);
        Assert.Empty(PhaseOrder.PrerequisitesOf(StandupStep.StepName, StepRunnerWorld.Services()));
    }

    [Fact]
    public void A_step_outside_the_runbook_has_no_order_to_keep()
    {
        Assert.Empty(PhaseOrder.PrerequisitesOf("scripted", StepRunnerWorld.Services()));
    }
}
