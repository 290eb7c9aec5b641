using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.OsdWipe;

/// <summary>Wipes one OSD disk: re-checks the domain is shut off and still attaches the file as its OSD target, deletes, creates blank, verifies.</summary>
internal sealed class OsdWipeApplier(IStepServices services, ActionContext context)
{
    private IHypervisor Hypervisor => services.Hypervisor;

    private OsdDiskRule Rule => services.Site.Osd;

    public async Task<ActionResult> ApplyAsync(OsdWipeAction action, CancellationToken ct)
    {
        if (action is not OsdWipeAction.Wipe (var host, var path, _))
            throw new InvalidOperationException($"the OSD wipe has no action {action}");
        var state = (await Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false)).FirstOrDefault(d => d.Name == host)?.State;
        if (state != DomainState.ShutOff)
            return ActionResult.Failed($"domain {host} is {(state is { } s ? DomainStates.Describe(s) : "gone")} now, not shut off: nothing wiped");
        var attached = (await Hypervisor.GetDomainDevicesAsync(host, ct).ConfigureAwait(false)).Disk(Rule.Device)?.SourcePath;
        if (attached != path)
            return ActionResult.Failed($"{host}'s {Rule.Device} is {attached ?? "gone"} now, not {path}: nothing wiped");
        if (await Hypervisor.FindVolumeAsync(path, ct).ConfigureAwait(false) is { } old)
        {
            context.Progress.Report($"{host}: deleting {path} ({BlankOsd.Describe(old)})");
            await Hypervisor.DeleteVolumeAsync(path, ct).ConfigureAwait(false);
        }
        context.Progress.Report($"{host}: creating {path} blank ({BlankOsd.Expected(Rule)}, {BlankOsd.ExpectedOwner(Rule)})");
        await Hypervisor.CreateVolumeAsync(BlankOsd.Spec(Rule, path), ct).ConfigureAwait(false);
        var created = await Hypervisor.FindVolumeAsync(path, ct).ConfigureAwait(false);
        return created is not null && BlankOsd.IsWiped(Rule, created)
            ? ActionResult.Done($"{path}: {BlankOsd.Describe(created)}, {BlankOsd.DescribeOwner(created)}")
            : ActionResult.Unknown($"{path} was recreated but reads back as {(created is null ? "absent" : BlankOsd.Describe(created) + ", " + BlankOsd.DescribeOwner(created))}");
    }
}
