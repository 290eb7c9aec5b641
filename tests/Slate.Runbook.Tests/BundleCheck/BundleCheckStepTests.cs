using Slate.Lab.Hypervisor;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>The bundle gate as a step: offline it asks MAAS nothing (not even its name); --live is checked against the site's cloud first.</summary>
public sealed class BundleCheckStepTests : IDisposable
{
    private readonly BundleWorkspace _workspace = new();
    private readonly RecordedMaas _otherCloud = new("some-other-maas", [], []);

    public void Dispose() => _workspace.Dispose();

    private Task<StepRun> GateAsync(params (string Name, string[] Values)[] given)
    {
        var services = new TestServices(_workspace.Site, _otherCloud, RecordedJuju.Without("openstack"), LabHypervisor.FromSite(_workspace.Site), TimeProvider.System);
        var step = BundleCheckStep.Definition.Create(services, new StepArguments(given.ToDictionary(g => g.Name, g => (IReadOnlyList<string>)g.Values)));
        return new StepRunner(services, new RecordingObserver(), new Interruption(), []).RunAsync(step, RunMode.Gate);
    }

    [Fact]
    public async Task Offline_the_projects_bundle_passes_without_a_word_to_maas_and_the_heading_names_the_overlays()
    {
        var bundle = _workspace.Write("bundle.yaml", BundleWorkspace.ProjectBundleText);
        var overlay = _workspace.Write("overlay.yaml", "applications:\n  keystone:\n    options:\n      debug: true\n");

        var plain = await GateAsync(("bundle", [bundle]));
        var overlaid = await GateAsync(("bundle", [bundle]), ("overlay", [overlay]));

        Assert.Equal(ExitCode.Ok, plain.ExitCode);
        Assert.Empty(_otherCloud.Calls);
        Assert.Equal($"Bundle gate (read-only) — {bundle}", plain.Assessment.Plan.Heading);
        Assert.Equal($"Bundle gate (read-only) — {bundle} + {overlay}", overlaid.Assessment.Plan.Heading);
        Assert.Equal("", plain.Assessment.MaasName);
    }

    [Fact]
    public async Task Live_the_maas_must_be_the_sites_cloud_before_anything_is_read()
    {
        var bundle = _workspace.Write("bundle.yaml", BundleWorkspace.ProjectBundleText);

        await Assert.ThrowsAsync<WrongCloudException>(() => GateAsync(("bundle", [bundle]), ("live", [])));

        Assert.Equal(["maas_name"], _otherCloud.Calls);
    }

    [Fact]
    public void The_bundle_file_is_required()
    {
        var refused = Assert.Throws<StepArgumentException>(() => BundleCheckStep.Definition.Create(
            new TestServices(_workspace.Site, _otherCloud, RecordedJuju.Without("openstack"), LabHypervisor.FromSite(_workspace.Site), TimeProvider.System),
            StepArguments.None));

        Assert.Equal("the bundle file is required", refused.Message);
    }
}
