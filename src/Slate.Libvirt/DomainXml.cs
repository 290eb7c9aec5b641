using System.Xml;
using System.Xml.Linq;
using Slate.Runbook.Ports;

namespace Slate.Libvirt;

/// <summary>Reads disks and NICs out of a libvirt domain definition.</summary>
internal static class DomainXml
{
    public static DomainDevices Parse(string domain, string xml)
    {
        var devices = Load(domain, xml).Root?.Element("devices");
        var disks = devices?.Elements("disk").Select(Disk).ToList() ?? [];
        var nics = devices?.Elements("interface").Select(Interface).ToList() ?? [];
        return new DomainDevices(domain, disks, nics);
    }

    /// <summary>The &lt;interface&gt; element carrying this MAC, as XML for virDomainDetachDeviceFlags.</summary>
    public static string InterfaceXml(string domain, string xml, string mac)
    {
        var element = Load(domain, xml).Root?.Element("devices")?.Elements("interface")
            .FirstOrDefault(e => string.Equals(MacOf(e), mac, StringComparison.OrdinalIgnoreCase));
        return element?.ToString(SaveOptions.DisableFormatting)
            ?? throw new HypervisorException(HypervisorFailure.NoInterface,
                $"domain '{domain}' has no interface with MAC address {mac} in its persistent definition");
    }

    private static XDocument Load(string domain, string xml)
    {
        try { return XDocument.Parse(xml); }
        catch (XmlException e)
        {
            throw new HypervisorException(HypervisorFailure.Other, $"domain '{domain}': libvirt returned unreadable XML: {e.Message}", e);
        }
    }

    private static DomainDisk Disk(XElement disk)
    {
        var source = disk.Element("source");
        return new DomainDisk(
            (string?)disk.Element("target")?.Attribute("dev") ?? "",
            (string?)disk.Attribute("device") ?? "disk",
            (string?)source?.Attribute("file") ?? (string?)source?.Attribute("dev"),
            (string?)disk.Element("driver")?.Attribute("type"));
    }

    private static DomainInterface Interface(XElement nic)
    {
        var source = nic.Element("source");
        return new DomainInterface(
            MacOf(nic) ?? "",
            (string?)nic.Attribute("type") ?? "",
            (string?)source?.Attribute("network"),
            (string?)source?.Attribute("bridge"),
            (string?)nic.Element("model")?.Attribute("type"));
    }

    private static string? MacOf(XElement nic) => (string?)nic.Element("mac")?.Attribute("address");
}
