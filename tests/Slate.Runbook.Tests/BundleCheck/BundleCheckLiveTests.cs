using Slate.Lab.Hypervisor;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>`bundle check --live` judges the bindings against the spaces MAAS has, not against the site file's planes.</summary>
public sealed class BundleCheckLiveTests : IDisposable
{
    private readonly BundleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<StepRun> GateAsync(RecordedMaas maas, bool live)
    {
        var bundle = _workspace.Write("bundle.yaml", BundleWorkspace.ProjectBundleText);
        var services = new TestServices(_workspace.Site, maas, RecordedJuju.Without("openstack"), LabHypervisor.FromSite(_workspace.Site), TimeProvider.System);
        var given = new Dictionary<string, IReadOnlyList<string>> { ["bundle"] = [bundle] };
        if (live)
            given["live"] = [];
        var step = BundleCheckStep.Definition.Create(services, new StepArguments(given));
        return await new StepRunner(services, new RecordingObserver(), new Interruption(), []).RunAsync(step, RunMode.Gate);
    }

    /// <summary>The site's cloud as MAAS shows it, without the storage space: the hosts carry the site's provider MACs.</summary>
    private RecordedMaas WithoutStorageSpace()
    {
        var site = _workspace.Site;
        var nic = site.PhysicalFor(site.Bundle.PublicPlane);
        var spaces = site.Planes.Where(p => p.Name != "storage").Select((p, i) => new MaasSpace(i, p.Name, [])).ToList();
        var machines = site.Hosts.Select(h => new MaasMachine($"id-{h.Name}", h.Name, 6, "Deployed", "on", null,
            [new MaasInterface(1, nic, "physical", h.ProviderMac, [], [])])).ToList();
        return new RecordedMaas(site.Cloud.Name, spaces, machines);
    }

    [Fact]
    public async Task Live_a_binding_to_a_space_maas_lacks_fails_although_the_site_file_has_the_plane()
    {
        var offline = await GateAsync(WithoutStorageSpace(), live: false);
        var live = await GateAsync(WithoutStorageSpace(), live: true);

        Assert.Equal(ExitCode.Ok, offline.ExitCode);
        Assert.Equal(ExitCode.GateRed, live.ExitCode);
        var red = live.Assessment.Gate.Lines.Where(l => !l.Holds).ToList();
        Assert.NotEmpty(red);
        Assert.All(red, l => Assert.Contains("'storage', which is no space", l.Observed, StringComparison.Ordinal));
    }
}
