using Slate.Lab;
using Slate.Lab.Hypervisor.Http;
using Slate.Libvirt;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>Opens the hypervisor port: --libvirt, else $SLATE_LIBVIRT_URI, else the site's libvirt.uri; lab+http:// reaches a served lab.</summary>
internal static class HypervisorConnector
{
    public static IHypervisor Connect(SlateSettings settings, Site site)
    {
        var uri = settings.LibvirtUri ?? site.Libvirt.Uri;
        if (!LabHypervisorClient.IsLabUri(uri))
            return new DeferredHypervisor(() => LibvirtHypervisor.Open(uri));
        var token = settings.Environment.GetValueOrDefault(LabVariables.Token)
            ?? throw new CliInputException($"{uri} is a lab hypervisor: export {LabVariables.Token} as `slate lab serve` printed it");
        return new LabHypervisorClient(uri, token);
    }
}
