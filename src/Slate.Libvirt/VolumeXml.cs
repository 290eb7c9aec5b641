using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Slate.Runbook.Ports;

namespace Slate.Libvirt;

/// <summary>The &lt;target&gt; facts of a storage volume definition.</summary>
internal sealed record VolumeTarget(string Format, string? Compat, int Uid, int Gid, int Mode);

internal static class VolumeXml
{
    public static VolumeTarget Parse(string path, string xml)
    {
        XElement? target;
        try { target = XDocument.Parse(xml).Root?.Element("target"); }
        catch (XmlException e)
        {
            throw new HypervisorException(HypervisorFailure.Other, $"volume {path}: libvirt returned unreadable XML: {e.Message}", e);
        }
        var permissions = target?.Element("permissions");
        return new VolumeTarget(
            (string?)target?.Element("format")?.Attribute("type") ?? "",
            (string?)target?.Element("compat"),
            Number(permissions?.Element("owner")),
            Number(permissions?.Element("group")),
            permissions?.Element("mode") is { } mode ? Convert.ToInt32(mode.Value.Trim(), 8) : 0);
    }

    public static string Build(VolumeSpec spec, int uid, int gid)
    {
        var target = new XElement("target",
            new XElement("format", new XAttribute("type", spec.Format)),
            new XElement("permissions",
                new XElement("owner", uid),
                new XElement("group", gid),
                new XElement("mode", "0" + Convert.ToString(spec.Mode, 8))));
        if (spec.Format == "qcow2") target.Add(new XElement("compat", spec.Compat));
        return new XElement("volume",
            new XElement("name", Path.GetFileName(spec.Path)),
            new XElement("capacity", new XAttribute("unit", "bytes"), spec.CapacityBytes),
            new XElement("allocation", new XAttribute("unit", "bytes"), 0),
            target).ToString(SaveOptions.DisableFormatting);
    }

    private static int Number(XElement? element) =>
        element is null ? -1 : int.Parse(element.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
