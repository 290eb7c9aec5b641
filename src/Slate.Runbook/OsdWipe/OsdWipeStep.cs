using System.Globalization;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.OsdWipe;

/// <summary>
/// Runbook Step 4: after the teardown, every host's OSD disk (vdb) is deleted and recreated blank — a qcow2 of the
/// site's size, compat 1.1, root:root 600 — through the hypervisor. The OS disk (vda) is never touched.
/// </summary>
public sealed class OsdWipeStep(IStepServices services) : ActingStep<OsdWipeObservation, OsdWipeAction>(services)
{
    public const string StepName = "osd";

    public static readonly StepDefinition Definition = new(
        StepName,
        ["osd", "wipe"],
        "Runbook Step 4 (DESTRUCTIVE with --apply): recreate each host's OSD disk blank. Dry run by default: per host the disk its domain " +
        "attaches as the site's OSD target (osd.device, vdb): path, format, virtual size, allocation, owner, mode. Refused (exit 4, nothing " +
        "changed) unless the teardown's gate holds (the hosts are out of MAAS) and every host domain is shut off; fatal: a path attached as " +
        "the OS disk (vda) or a device in osd.never, a path outside the images folder (after `..` and symbolic links), a path attached to " +
        "no host or to two. --apply asks for the number of disks typed (or --confirm N), then per disk deletes the volume and creates a " +
        "blank qcow2 of osd.size (512G) with compat 1.1, as `qemu-img create` gives, owned osd.owner:osd.group mode osd.mode (root:root 600). " +
        "All Ceph OSD data on them is destroyed; vda is never touched. Gate: `slate gate osd`.",
        Mutates: true,
        [],
        (services, _) => new OsdWipeStep(services))
    {
        Number = "4",
        After = [TeardownStep.HostsAtRest],
    };

    public override string Name => StepName;

    public override bool Reconciles => true;

    protected override async Task<OsdWipeObservation> ObserveAsync(CancellationToken ct)
    {
        var baseline = Services.Journal.LastBaseline(Site.Cloud.Name, StepName);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var devices = new List<DomainDevices>();
        var disks = new List<OsdDiskState>();
        IReadOnlyList<HypervisorDomain>? domains = null;
        try
        {
            domains = await Services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
            var images = await Services.Hypervisor.ResolvePathAsync(Site.Libvirt.ImagesDir, ct).ConfigureAwait(false);
            devices.AddRange(await Services.Hypervisor.DevicesOfAsync(domains, ct).ConfigureAwait(false));
            var rulePaths = Site.Hosts.Select(h => Site.Osd.FileFor(h, Site.Libvirt.ImagesDir));
            foreach (var path in devices.SelectMany(d => d.Disks).Select(d => d.SourcePath).OfType<string>().Concat(rulePaths).Distinct(StringComparer.Ordinal))
                resolved[path] = await Services.Hypervisor.ResolvePathAsync(path, ct).ConfigureAwait(false);
            foreach (var host in Site.Hosts)
            {
                var own = devices.FirstOrDefault(d => d.Domain == host.Name);
                var attached = own?.Disk(Site.Osd.Device)?.SourcePath;
                var os = own?.Disks.FirstOrDefault(d => OsdWipePlanner.IsOsDevice(Site, d.Target) && d.Device == "disk")?.SourcePath;
                disks.Add(new OsdDiskState(host.Name, Site.Osd.FileFor(host, Site.Libvirt.ImagesDir), attached,
                    attached is null ? null : resolved[attached],
                    attached is null ? null : await Services.Hypervisor.FindVolumeAsync(attached, ct).ConfigureAwait(false),
                    os, os is null ? null : await Services.Hypervisor.FindVolumeAsync(os, ct).ConfigureAwait(false)));
            }
            return new OsdWipeObservation(domains, images, devices, resolved, disks, null, baseline);
        }
        catch (HypervisorException e)
        {
            return new OsdWipeObservation(domains, Site.Libvirt.ImagesDir, devices, resolved, disks, e.Message, baseline);
        }
    }

    protected override StepPlan Plan(OsdWipeObservation observation) => OsdWipePlanner.Plan(Site, observation);

    protected override GateReport Gate(OsdWipeObservation observation) => OsdWipeGate.Judge(Site, observation);

    /// <summary>The number of disks, typed: the runbook's "explicit go" for a wipe that cannot be undone.</summary>
    public override Confirmation? ConfirmationFor(StepPlan plan)
    {
        var targets = plan.Actions.Select(OsdWipeAction.From).OfType<OsdWipeAction.Wipe>().Select(w => $"{w.Host} {w.Path}").ToList();
        var count = targets.Count.ToString(CultureInfo.InvariantCulture);
        return new Confirmation($"This DESTROYS all Ceph OSD data on {count} disk(s): {string.Join("; ", targets)}. Type the number of disks ({count}) to continue",
            count, targets);
    }

    protected override Task<ActionResult> ApplyAsync(OsdWipeAction action, ActionContext context, CancellationToken ct) =>
        new OsdWipeApplier(Services, context).ApplyAsync(action, ct);
}
