using System.Xml.Linq;

namespace Slate.Libvirt;

/// <summary>The XML of the objects Slate defines itself on a libvirtd (a rehearsal's world): networks, a pool, domains.</summary>
public static class LibvirtDefinitions
{
    /// <summary>An isolated network (no address, no DHCP); on this bridge, or on one libvirt picks when null.</summary>
    public static XElement Network(string name, string? bridge) =>
        new("network", new XElement("name", name),
            new XElement("bridge", bridge is null ? null : new XAttribute("name", bridge), new XAttribute("stp", "off"), new XAttribute("delay", "0")));

    /// <summary>A directory pool over an existing folder.</summary>
    public static XElement DirectoryPool(string name, string directory) =>
        new("pool", new XAttribute("type", "dir"), new XElement("name", name), new XElement("target", new XElement("path", directory)));

    public static XElement Disk(string path, string target, string format = "qcow2") =>
        new("disk", new XAttribute("type", "file"), new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", format)),
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
