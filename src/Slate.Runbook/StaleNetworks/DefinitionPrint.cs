using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Slate.Runbook.Ports;

namespace Slate.Runbook.StaleNetworks;

/// <summary>
/// A short hash of a domain's persistent definition without its NICs on the stale networks: the same before and after
/// Step 3 exactly when nothing else in the definition changed.
/// </summary>
internal static class DefinitionPrint
{
    public static string Of(string domain, string xml, IReadOnlySet<string> staleMacs)
    {
        XDocument document;
        try { document = XDocument.Parse(xml); }
        catch (XmlException e)
        {
            throw new HypervisorException(HypervisorFailure.Other, $"domain '{domain}': unreadable definition: {e.Message}", e);
        }
        document.Root?.Element("devices")?.Elements("interface")
            .Where(nic => (string?)nic.Element("mac")?.Attribute("address") is { } mac && staleMacs.Contains(mac.ToLowerInvariant()))
            .Remove();
        var canonical = document.Root?.ToString(SaveOptions.DisableFormatting) ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }
}
