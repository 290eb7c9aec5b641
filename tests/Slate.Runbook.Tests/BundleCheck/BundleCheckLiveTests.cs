using Slate.Lab.Hypervisor;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Carve;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>
/// `bundle check --live` judges the bindings against the spaces MAAS has, not against the site file's planes, and the
/// VIPs against MAAS's ranges and address rows, read once: the topology and each VIP subnet's rows.
/// </summary>
public sealed class BundleCheckLiveTests : IDisposable
{
    private readonly BundleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<StepRun> GateAsync(LiveMaas maas, bool live)
    {
        var bundle = _workspace.Write("bundle.yaml", BundleWorkspace.ProjectBundleText);
        var services = new TestServices(_workspace.Site, maas, RecordedJuju.Without("openstack"), LabHypervisor.FromSite(_workspace.Site), TimeProvider.System);
        var given = new Dictionary<string, IReadOnlyList<string>> { ["bundle"] = [bundle] };
        if (live)
            given["live"] = [];
        var step = BundleCheckStep.Definition.Create(services, new StepArguments(given));
        return await new StepRunner(services, new RecordingObserver(), new Interruption(), []).RunAsync(step, RunMode.Gate);
    }

    /// <summary>The site's cloud as MAAS shows it, the hosts with the site's provider MACs; <paramref name="without"/> is a space MAAS lacks.</summary>
    private LiveMaas Cloud(string? without = null)
    {
        var site = _workspace.Site;
        var nic = site.PhysicalFor(site.Bundle.PublicPlane);
        var topology = new CarveMaas().Topology;
        var machines = site.Hosts.Select(h => new MaasMachine($"id-{h.Name}", h.Name, 6, "Deployed", "on", null,
            [new MaasInterface(1, nic, "physical", h.ProviderMac, [], [])])).ToList();
        return new LiveMaas(site.Cloud.Name, topology with { Spaces = topology.Spaces.Where(s => s.Name != without).ToList() }, machines);
    }

    [Fact]
    public async Task Live_a_binding_to_a_space_maas_lacks_fails_although_the_site_file_has_the_plane()
    {
        var offline = await GateAsync(Cloud(without: "storage"), live: false);
        var live = await GateAsync(Cloud(without: "storage"), live: true);

        Assert.Equal(ExitCode.Ok, offline.ExitCode);
        Assert.Equal(ExitCode.GateRed, live.ExitCode);
        var red = live.Assessment.Gate.Lines.Where(l => !l.Holds).ToList();
        Assert.NotEmpty(red);
        Assert.All(red, l => Assert.Contains("'storage', which is no space", l.Observed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_maas_is_read_once_the_topology_the_hosts_and_the_rows_of_the_three_vip_subnets()
    {
        var maas = Cloud();

        var live = await GateAsync(maas, live: true);

        Assert.Equal(ExitCode.Ok, live.ExitCode);
        Assert.Equal(["maas_name", "topology", "machines?openstack0,openstack1,openstack2,openstack3", "ip_addresses 1", "ip_addresses 2", "ip_addresses 3"], maas.Calls);
        Assert.Equal(11, live.Assessment.Gate.Lines.Count(l => l is { Code: BundleRuleIds.VipInMaas, Holds: true }));
    }

    [Fact]
    public async Task Offline_maas_is_not_asked_and_no_vip_is_checked_against_it()
    {
        var maas = Cloud();

        var offline = await GateAsync(maas, live: false);

        Assert.Equal(ExitCode.Ok, offline.ExitCode);
        Assert.Empty(maas.Calls);
        Assert.DoesNotContain(offline.Assessment.Gate.Lines, l => l.Code == BundleRuleIds.VipInMaas);
    }
}
