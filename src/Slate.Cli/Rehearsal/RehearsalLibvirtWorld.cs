using System.Globalization;
using System.Security.Cryptography;
using Slate.Cli.Interaction;
using Slate.Lab.Hypervisor;
using Slate.Libvirt;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// `slate rehearse --libvirt URI`: the lab hypervisor twin's world made real on a libvirtd — its networks (the stale
/// ones on the site's bridges first, then the planes on bridges libvirt picks), a dir pool over the rehearsal's own
/// images folder, every volume with the twin's capacity, format, owner ids and mode (the OSD disks as dirty as the
/// twin's: not root:root 600), and every domain with the twin's disks and NICs (the same MACs), shut off. It refuses
/// (exit 4) when any of those names exists there, so it only ever removes what it created: on dispose, and when the
/// process is ended by a signal (Ctrl-C, SIGTERM).
/// </summary>
internal sealed class RehearsalLibvirtWorld : IAsyncDisposable
{
    private readonly LibvirtHypervisor _real;
    private readonly IInteraction _io;
    private readonly List<string> _domains = [];
    private readonly List<string> _networks = [];
    private readonly List<string> _volumes = [];
    private readonly string _pool = "slate-rehearsal-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly Lock _gate = new();
    private bool _poolCreated;
    private string? _imagesCreated;
    private Task<List<string>>? _removal;

    private RehearsalLibvirtWorld(LibvirtHypervisor real, LabHypervisor twin, IInteraction io)
    {
        _real = real;
        _io = io;
        Hypervisor = new MirroredHypervisor(real, twin);
        AppDomain.CurrentDomain.ProcessExit += RemoveOnExit;
    }

    /// <summary>What the steps run on: the real libvirtd, with every write repeated on the twin.</summary>
    public IHypervisor Hypervisor { get; }

    /// <summary>The site with the rehearsal's libvirt URI and its own images folder (under <paramref name="workDir"/>), before the twin is built from it.</summary>
    public static Site SiteFor(Site site, string uri, string workDir) =>
        site with { Libvirt = site.Libvirt with { Uri = uri, ImagesDir = Path.Combine(workDir, "images") } };

    public static async Task<RehearsalLibvirtWorld> CreateAsync(string uri, LabHypervisor twin, Site site, IInteraction io, CancellationToken ct)
    {
        var world = new RehearsalLibvirtWorld(LibvirtHypervisor.Open(uri), twin, io);
        try
        {
            var plan = await WorldPlan.ReadAsync(twin, site, ct).ConfigureAwait(false);
            await world.RefuseTakenNamesAsync(uri, plan, ct).ConfigureAwait(false);
            await world.BuildAsync(site, plan, ct).ConfigureAwait(false);
            io.Line($"Hypervisor: the real libvirtd at {world._real.Uri}: created {world.Describe()} from the lab's hypervisor (removed afterwards)");
            return world;
        }
        catch
        {
            await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var problems = await Removal().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit -= RemoveOnExit;
        foreach (var problem in problems) _io.Error($"rehearsal world: {problem}");
        if (problems.Count == 0 && Describe().Length > 0) _io.Line($"Removed the rehearsal's libvirt world: {Describe()}");
        _real.Dispose();
    }

    /// <summary>The one removal: started by whichever comes first, dispose or process exit, and awaited by both.</summary>
    private Task<List<string>> Removal()
    {
        lock (_gate) return _removal ??= Task.Run(RemoveAsync);
    }

    private string Describe() =>
        string.Join(", ", new[]
        {
            Counted(_domains.Count, "domain"), Counted(_networks.Count, "network"), _poolCreated ? $"pool {_pool}" : "", Counted(_volumes.Count, "volume"),
        }.Where(part => part.Length > 0));

    private static string Counted(int count, string noun) =>
        count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private async Task RefuseTakenNamesAsync(string uri, WorldPlan plan, CancellationToken ct)
    {
        var existing = (await _real.ListDomainsAsync(ct).ConfigureAwait(false)).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var taken = plan.Domains.Select(d => d.Domain).Where(existing.Contains).Select(d => $"domain '{d}'").ToList();
        foreach (var network in plan.Networks)
        {
            if (await _real.FindNetworkAsync(network.Name, ct).ConfigureAwait(false) is not null) taken.Add($"network '{network.Name}'");
        }
        if (await _real.HasPoolAsync(_pool, ct).ConfigureAwait(false)) taken.Add($"pool '{_pool}'");
        if (taken.Count > 0)
            throw new CliRefusedException($"--libvirt {uri}: {string.Join(", ", taken)} already exist(s) there; the rehearsal only creates and removes its own objects, so it touches nothing (rehearse on another libvirtd, or remove them)");
    }

    private async Task BuildAsync(Site site, WorldPlan plan, CancellationToken ct)
    {
        var images = site.Libvirt.ImagesDir;
        Directory.CreateDirectory(images);
        _imagesCreated = images;
        await _real.StartPoolAsync(_pool, LibvirtDefinitions.DirectoryPool(_pool, images).ToString(), ct).ConfigureAwait(false);
        _poolCreated = true;
        foreach (var network in plan.Networks)
        {
            await _real.StartNetworkAsync(network.Name, LibvirtDefinitions.Network(network.Name, network.Bridge).ToString(), ct).ConfigureAwait(false);
            _networks.Add(network.Name);
        }
        foreach (var volume in plan.Volumes)
        {
            await _real.CreateVolumeAsync(volume, ct).ConfigureAwait(false);
            _volumes.Add(volume.Path);
        }
        foreach (var devices in plan.Domains)
        {
            var xml = LibvirtDefinitions.Domain(devices.Domain,
                devices.Disks.Where(d => d.SourcePath is not null).Select(d => LibvirtDefinitions.Disk(d.SourcePath!, d.Target, d.Format ?? "qcow2")),
                devices.Interfaces.Where(i => i.Network is not null).Select(i => LibvirtDefinitions.NetworkNic(i.Mac, i.Network!)));
            await _real.DefineDomainAsync(devices.Domain, xml.ToString(), ct).ConfigureAwait(false);
            _domains.Add(devices.Domain);
        }
    }

    /// <summary>Removes what was created, each object on its own (one failure does not keep the others), then the images folder.</summary>
    private async Task<List<string>> RemoveAsync()
    {
        var problems = new List<string>();
        foreach (var domain in _domains)
            await Attempt(problems, $"domain '{domain}'", HypervisorFailure.NoDomain, () => _real.RemoveDomainAsync(domain, CancellationToken.None)).ConfigureAwait(false);
        foreach (var path in _volumes)
        {
            await Attempt(problems, $"volume {path}", HypervisorFailure.NoVolume, async () =>
            {
                if (await _real.FindVolumeAsync(path, CancellationToken.None).ConfigureAwait(false) is not null)
                    await _real.DeleteVolumeAsync(path, CancellationToken.None).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        foreach (var network in _networks)
            await Attempt(problems, $"network '{network}'", HypervisorFailure.NoNetwork, () => _real.RemoveNetworkAsync(network, CancellationToken.None)).ConfigureAwait(false);
        if (_poolCreated)
            await Attempt(problems, $"pool '{_pool}'", HypervisorFailure.NoPool, () => _real.RemovePoolAsync(_pool, CancellationToken.None)).ConfigureAwait(false);
        if (_imagesCreated is { } images && Directory.Exists(images)) Directory.Delete(images, recursive: true);
        return problems;
    }

    /// <summary>An object already gone (a step removed it: the stale network) is not a problem.</summary>
    private static async Task Attempt(List<string> problems, string what, HypervisorFailure gone, Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (HypervisorException e) when (e.Failure != gone)
        {
            problems.Add($"could not remove {what}: {e.Message}");
        }
        catch (HypervisorException)
        {
            // already gone
        }
    }

    /// <summary>At process exit (a signal's grace time ran out) the removal runs, or the one under way is waited for.</summary>
    private void RemoveOnExit(object? sender, EventArgs e) => Removal().GetAwaiter().GetResult();

    /// <summary>What the twin holds, read through its IHypervisor: each domain's devices, the networks its NICs use, every disk's volume.</summary>
    private sealed record WorldPlan(IReadOnlyList<DomainDevices> Domains, IReadOnlyList<(string Name, string? Bridge)> Networks, IReadOnlyList<VolumeSpec> Volumes)
    {
        public static async Task<WorldPlan> ReadAsync(LabHypervisor twin, Site site, CancellationToken ct)
        {
            var domains = new List<DomainDevices>();
            foreach (var domain in await twin.ListDomainsAsync(ct).ConfigureAwait(false))
                domains.Add(await twin.GetDomainDevicesAsync(domain.Name, ct).ConfigureAwait(false));
            var stale = site.Libvirt.StaleNetworks.Select(s => (s.Name, (string?)s.Bridge)).ToList();
            var planes = domains.SelectMany(d => d.Interfaces).Select(i => i.Network).OfType<string>().Distinct(StringComparer.Ordinal)
                .Where(n => stale.All(s => s.Name != n)).Order(StringComparer.Ordinal).Select(n => (n, (string?)null));
            var volumes = new List<VolumeSpec>();
            foreach (var path in domains.SelectMany(d => d.Disks).Select(d => d.SourcePath).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (await twin.FindVolumeAsync(path, ct).ConfigureAwait(false) is not { } volume) continue;
                volumes.Add(new VolumeSpec(path, volume.CapacityBytes, volume.Format,
                    volume.Owner.Uid.ToString(CultureInfo.InvariantCulture), volume.Owner.Gid.ToString(CultureInfo.InvariantCulture), volume.Mode,
                    volume.Compat ?? "1.1"));
            }
            return new WorldPlan(domains, [.. stale, .. planes], volumes);
        }
    }
}
