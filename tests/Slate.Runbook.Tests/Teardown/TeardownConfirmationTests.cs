using Slate.Runbook.Core;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>What the operator is asked to confirm before the teardown, and which option combinations are accepted.</summary>
public sealed class TeardownConfirmationTests
{
    private readonly TeardownWorld _world = new();

    private async Task<Confirmation> ConfirmationAsync(TeardownOptions options)
    {
        var step = new TeardownStep(_world.Services, options);
        var assessment = await step.AssessAsync(CancellationToken.None);
        return step.ConfirmationFor(assessment.Plan) ?? throw new InvalidOperationException("the teardown asked for no confirmation");
    }

    [Fact]
    public async Task The_destroy_path_says_it_destroys_irreversibly_and_names_the_model_with_its_hosts_and_the_orphan_but_not_the_capture()
    {
        var confirmation = await ConfirmationAsync(TeardownWorld.Destroy);

        Assert.Equal("This DESTROYS (irreversible): model openstack with openstack0 host00,openstack1 host01,openstack2 host02,openstack3 host03; " +
            "delete-machine capi-mgmt (capi00). Type the model name to continue", confirmation.Prompt);
        Assert.Equal("openstack", confirmation.Expected);
    }

    [Fact]
    public async Task A_model_whose_hosts_already_left_maas_is_named_without_hosts()
    {
        _world.Machines.RemoveAll(m => m.Hostname.StartsWith("openstack", StringComparison.Ordinal));
        _world.ModelMachines.Clear();

        var confirmation = await ConfirmationAsync(TeardownWorld.Destroy);

        Assert.Equal(["destroy-model openstack", "delete-machine capi-mgmt (capi00)"], confirmation.Targets);
    }

    [Fact]
    public async Task The_release_path_says_it_changes_and_lists_each_removal()
    {
        var confirmation = await ConfirmationAsync(TeardownWorld.Release(canary: true));

        Assert.Equal("This changes: remove-machine openstack0 (host00). Type the model name to continue", confirmation.Prompt);
    }

    [Theory]
    [InlineData(null, false, TeardownPath.Destroy)]
    [InlineData("destroy", false, TeardownPath.Destroy)]
    [InlineData("release", false, TeardownPath.Release)]
    [InlineData("release", true, TeardownPath.Release)]
    public async Task Sensible_options_are_accepted_and_planned_on_their_path(string? path, bool canary, TeardownPath expected)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        if (path is not null)
            values["path"] = [path];
        if (canary)
            values["canary"] = ["true"];

        var step = TeardownStep.Definition.Create(_world.Services, new StepArguments(values));
        var actions = (await step.AssessAsync(CancellationToken.None)).Plan.Actions.Select(TeardownAction.From).ToList();

        Assert.Equal(expected == TeardownPath.Destroy, actions.Any(a => a is TeardownAction.CaptureModel));
        Assert.Equal(canary ? 1 : expected == TeardownPath.Release ? 6 : 3, actions.Count);
    }
}
