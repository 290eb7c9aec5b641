using System.Text.Json;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

internal static partial class MaasJson
{
    /// <summary>A device as api/devices.py renders it (DISPLAYED_DEVICE_FIELDS): its parent's system_id, its one NIC with STICKY links.</summary>
    public static void Device(Utf8JsonWriter w, LabDevice device, string owner)
    {
        w.WriteStartObject();
        w.WriteString("system_id", device.SystemId);
        w.WriteString("hostname", device.Hostname);
        w.WriteString("description", "");
        w.WritePropertyName("domain");
        Domain(w);
        w.WriteString("fqdn", device.Hostname + ".maas");
        w.WriteString("owner", owner);
        w.WriteStartObject("owner_data");
        w.WriteEndObject();
        if (device.Parent is { } parent) w.WriteString("parent", parent);
        else w.WriteNull("parent");
        w.WriteStartArray("tag_names");
        w.WriteEndArray();
        w.WriteNull("address_ttl");
        w.WriteStartArray("ip_addresses");
        foreach (var (_, ip) in device.Addresses) w.WriteStringValue(ip.ToString());
        w.WriteEndArray();
        w.WriteStartArray("interface_set");
        w.WriteStartObject();
        w.WriteString("name", LabDevice.InterfaceName);
        w.WriteString("type", "physical");
        w.WriteString("mac_address", device.Mac);
        w.WriteStartArray("links");
        foreach (var (subnet, ip) in device.Addresses)
        {
            w.WriteStartObject();
            w.WriteString("mode", "static");
            w.WriteString("ip_address", ip.ToString());
            w.WritePropertyName("subnet");
            Subnet(w, subnet);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("zone");
        Zone(w);
        w.WriteNumber("node_type", (int)NodeKind.Device);
        w.WriteString("node_type_name", "Device");
        w.WriteStartObject("workload_annotations");
        w.WriteEndObject();
        w.WriteString("resource_uri", $"{Prefix}devices/{device.SystemId}/");
        w.WriteEndObject();
    }
}
