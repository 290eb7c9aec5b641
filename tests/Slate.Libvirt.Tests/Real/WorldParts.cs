using System.Xml.Linq;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

/// <summary>What the real-libvirtd worlds are built from: the connection and the XML of their networks, volumes, disks and NICs.</summary>
internal static class WorldParts
{
    public static LibvirtHypervisor Connect()
    {
        try { return LibvirtHypervisor.Open(Virsh.Uri); }
        catch (HypervisorException e) when (e.Code == HypervisorErrorCode.Unreachable)
        {
            throw new InvalidOperationException($"{e.Message}; {Virsh.StartHint}", e);
        }
    }

    /// <summary>An isolated network (no address, no DHCP) on its own bridge.</summary>
    public static XElement Network(string name, string bridge) =>
        new("network", new XElement("name", name),
            new XElement("bridge", new XAttribute("name", bridge), new XAttribute("stp", "off"), new XAttribute("delay", "0")));

    /// <summary>A 1 GiB qcow2 volume owned by root with this mode.</summary>
    public static XElement Volume(string path, string mode) =>
        new("volume", new XElement("name", Path.GetFileName(path)),
            new XElement("capacity", new XAttribute("unit", "G"), 1),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2")),
                new XElement("permissions", new XElement("owner", 0), new XElement("group", 0), new XElement("mode", mode))));

    public static XElement Disk(string path, string target) =>
        new("disk", new XAttribute("type", "file"), new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "qcow2")),
            new XElement("source", new XAttribute("file", path)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", "virtio")));

    public static XElement NetworkNic(string mac, string network) =>
        new("interface", new XAttribute("type", "network"),
            new XElement("mac", new XAttribute("address", mac)),
            new XElement("source", new XAttribute("network", network)),
            new XElement("model", new XAttribute("type", "virtio")));

    /// <summary>A TCG domain with no OS (it sits in the BIOS when started) and these devices.</summary>
    public static XElement Domain(string name, params object?[] devices) =>
        new("domain", new XAttribute("type", "qemu"),
            new XElement("name", name),
            new XElement("memory", new XAttribute("unit", "MiB"), 64),
            new XElement("vcpu", 1),
            new XElement("os", new XElement("type", new XAttribute("arch", "x86_64"), "hvm")),
            new XElement("devices", devices));
}
