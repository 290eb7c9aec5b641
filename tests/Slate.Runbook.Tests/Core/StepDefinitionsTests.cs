using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Phase;
using Slate.Runbook.Reenroll;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Tests.Core;

/// <summary>What each step offers the operator: only the steps that change the cloud get --apply, --confirm and a journal.</summary>
public sealed class StepDefinitionsTests
{
    [Fact]
    public void Only_the_teardown_the_network_prune_the_osd_wipe_the_re_enrolment_and_the_carve_change_anything()
    {
        Assert.Equal([TeardownStep.StepName, StaleNetworksStep.StepName, OsdWipeStep.StepName, ReenrollStep.StepName, CarveStep.StepName],
            PhaseSteps.Definitions.Where(d => d.Mutates).Select(d => d.Name));
    }

    [Fact]
    public void The_carve_host_may_be_left_out_for_the_gate_over_every_host()
    {
        var host = CarveStep.Definition.Parameters.Single(p => p.Name == "host");

        Assert.Equal((ParameterKind.Argument, true), (host.Kind, host.Optional));
    }
}
