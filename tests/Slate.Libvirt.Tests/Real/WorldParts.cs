using System.Xml.Linq;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

/// <summary>What the real-libvirtd test worlds are built from beside <see cref="LibvirtDefinitions"/>: the connection and 1 GiB root-owned volumes.</summary>
internal static class WorldParts
{
    public static LibvirtHypervisor Connect()
    {
        try { return LibvirtHypervisor.Open(Virsh.Uri); }
        catch (HypervisorException e) when (e.Failure == HypervisorFailure.Unreachable)
        {
            throw new InvalidOperationException($"{e.Message}; {Virsh.StartHint}", e);
        }
    }

    /// <summary>A 1 GiB qcow2 volume owned by root with this mode.</summary>
    public static XElement Volume(string path, string mode) =>
        new("volume", new XElement("name", Path.GetFileName(path)),
            new XElement("capacity", new XAttribute("unit", "G"), 1),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2")),
                new XElement("permissions", new XElement("owner", 0), new XElement("group", 0), new XElement("mode", mode))));
}
