using System.Text.Json;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>MAAS 3.x JSON renderings, written by hand (AOT-safe, no reflection).</summary>
internal static partial class MaasJson
{
    public const string Prefix = "/MAAS/api/2.0/";

    public static void Vlan(Utf8JsonWriter w, LabVlan vlan)
    {
        w.WriteStartObject();
        w.WriteNumber("id", vlan.Id);
        w.WriteString("name", vlan.Name);
        w.WriteNumber("vid", vlan.Vid);
        w.WriteString("fabric", vlan.Fabric.Name);
        w.WriteNumber("fabric_id", vlan.Fabric.Id);
        w.WriteNumber("mtu", vlan.Mtu);
        w.WriteNull("primary_rack");
        w.WriteNull("secondary_rack");
        w.WriteBoolean("dhcp_on", vlan.Vid == 0);
        w.WriteNull("external_dhcp");
        w.WriteNull("relay_vlan");
        w.WriteString("space", vlan.Space?.Name ?? "undefined");
        w.WriteString("resource_uri", $"{Prefix}vlans/{vlan.Id}/");
        w.WriteEndObject();
    }

    /// <summary>
    /// `op=ip_addresses` (models/staticipaddress.py render_json with the summary): alloc_type is IPADDRESS_TYPE; a node's
    /// owner is the user except on a DISCOVERED row; created/updated are omitted (the lab keeps no times per address).
    /// </summary>
    public static void SubnetAddresses(Utf8JsonWriter w, IReadOnlyList<LabAddressRow> rows)
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteString("ip", row.Ip.ToString());
            w.WriteNumber("alloc_type", (int)row.Kind);
            if (row.User is { } user && row.Kind != AddressKind.Discovered) w.WriteString("user", user);
            if (row.Holder is { } holder)
            {
                w.WriteStartObject("node_summary");
                w.WriteString("system_id", holder.SystemId);
                w.WriteNumber("node_type", (int)holder.Kind);
                w.WriteString("fqdn", holder.Hostname + ".maas");
                w.WriteString("hostname", holder.Hostname);
                w.WriteBoolean("is_container", holder.IsContainer);
                if (holder.Via is { } via) w.WriteString("via", via);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>`GET ipranges/` (api/ipranges.py DISPLAYED_IPRANGE_FIELDS; the lab's ranges belong to its admin).</summary>
    public static void IpRange(Utf8JsonWriter w, LabIpRange range, string admin)
    {
        w.WriteStartObject();
        w.WriteNumber("id", range.Id);
        w.WriteString("type", range.Type);
        w.WriteString("start_ip", range.Range.Start.ToString());
        w.WriteString("end_ip", range.Range.End.ToString());
        w.WriteString("comment", range.Comment);
        w.WriteStartObject("user");
        w.WriteBoolean("is_superuser", true);
        w.WriteString("username", admin);
        w.WriteString("email", admin + "@example.com");
        w.WriteBoolean("is_local", true);
        w.WriteString("resource_uri", $"{Prefix}users/{admin}/");
        w.WriteEndObject();
        w.WritePropertyName("subnet");
        Subnet(w, range.Subnet);
        w.WriteString("resource_uri", $"{Prefix}ipranges/{range.Id}/");
        w.WriteEndObject();
    }

    public static void Subnet(Utf8JsonWriter w, LabSubnet subnet)
    {
        w.WriteStartObject();
        w.WriteNumber("id", subnet.Id);
        w.WriteString("name", subnet.Name);
        w.WriteString("description", "");
        w.WritePropertyName("vlan");
        Vlan(w, subnet.Vlan);
        w.WriteString("cidr", subnet.Cidr.ToString());
        w.WriteString("gateway_ip", subnet.Gateway.ToString());
        w.WriteStartArray("dns_servers");
        w.WriteEndArray();
        w.WriteNumber("rdns_mode", 2);
        w.WriteBoolean("active_discovery", false);
        w.WriteBoolean("allow_dns", true);
        w.WriteBoolean("allow_proxy", true);
        w.WriteBoolean("managed", true);
        w.WriteStartArray("disabled_boot_architectures");
        w.WriteEndArray();
        w.WriteString("space", subnet.Space?.Name ?? "undefined");
        w.WriteString("resource_uri", $"{Prefix}subnets/{subnet.Id}/");
        w.WriteEndObject();
    }

    /// <summary>A space; a null space is MAAS's synthetic "undefined" (id -1) holding the space-less VLANs.</summary>
    public static void Space(Utf8JsonWriter w, LabNetworks networks, LabSpace? space)
    {
        w.WriteStartObject();
        w.WriteNumber("id", space?.Id ?? -1);
        w.WriteString("name", space?.Name ?? "undefined");
        w.WriteString("description", "");
        w.WriteStartArray("vlans");
        foreach (var vlan in networks.VlansIn(space)) Vlan(w, vlan);
        w.WriteEndArray();
        w.WriteStartArray("subnets");
        foreach (var subnet in networks.Subnets.Where(s => space is not null && s.Space == space)) Subnet(w, subnet);
        w.WriteEndArray();
        w.WriteString("resource_uri", $"{Prefix}spaces/{space?.Id ?? -1}/");
        w.WriteEndObject();
    }

    public static void Fabric(Utf8JsonWriter w, LabFabric fabric)
    {
        w.WriteStartObject();
        w.WriteNumber("id", fabric.Id);
        w.WriteString("name", fabric.Name);
        w.WriteNull("class_type");
        w.WriteStartArray("vlans");
        foreach (var vlan in fabric.Vlans) Vlan(w, vlan);
        w.WriteEndArray();
        w.WriteString("resource_uri", $"{Prefix}fabrics/{fabric.Id}/");
        w.WriteEndObject();
    }

    public static void Zone(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("name", "default");
        w.WriteString("description", "");
        w.WriteNumber("id", 1);
        w.WriteString("resource_uri", $"{Prefix}zones/default/");
        w.WriteEndObject();
    }

    public static void Pool(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("name", "default");
        w.WriteString("description", "Default pool");
        w.WriteNumber("id", 0);
        w.WriteString("resource_uri", $"{Prefix}resourcepool/0/");
        w.WriteEndObject();
    }

    public static void Domain(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteBoolean("authoritative", true);
        w.WriteNull("ttl");
        w.WriteString("name", "maas");
        w.WriteNumber("resource_record_count", 0);
        w.WriteNumber("id", 0);
        w.WriteBoolean("is_default", true);
        w.WriteString("resource_uri", $"{Prefix}domains/0/");
        w.WriteEndObject();
    }

    /// <summary>A VM host; <paramref name="collection"/> is "pods" or "vm-hosts" (the two aliases differ only in resource_uri).</summary>
    public static void Pod(Utf8JsonWriter w, LabCloud cloud, LabPod pod, string collection)
    {
        var machines = cloud.Machines.Where(m => m.Pod == pod).ToList();
        w.WriteStartObject();
        w.WriteNumber("id", pod.Id);
        w.WriteString("name", pod.Name);
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteString("type", "virsh");
        w.WriteStartArray("architectures");
        w.WriteStringValue("amd64/generic");
        w.WriteEndArray();
        w.WriteStartArray("capabilities");
        foreach (var c in new[] { "composable", "dynamic_local_storage", "over_commit", "storage_pools" }) w.WriteStringValue(c);
        w.WriteEndArray();
        Resources(w, "total", 64, 262144);
        Resources(w, "used", machines.Count * 2, machines.Count * 8192);
        Resources(w, "available", 64 - machines.Count * 2, 262144 - machines.Count * 8192);
        w.WritePropertyName("zone");
        Zone(w);
        w.WritePropertyName("pool");
        Pool(w);
        w.WriteNumber("cpu_over_commit_ratio", 1.0);
        w.WriteNumber("memory_over_commit_ratio", 1.0);
        w.WriteStartArray("storage_pools");
        w.WriteEndArray();
        w.WriteStartObject("host");
        w.WriteNull("system_id");
        w.WriteBoolean("__incomplete__", true);
        w.WriteEndObject();
        w.WriteNull("default_macvlan_mode");
        w.WriteString("version", "8.0.0");
        w.WriteString("resource_uri", $"{Prefix}{collection}/{pod.Id}/");
        w.WriteEndObject();
    }

    private static void Resources(Utf8JsonWriter w, string name, int cores, int memory)
    {
        w.WriteStartObject(name);
        w.WriteNumber("cores", cores);
        w.WriteNumber("memory", memory);
        w.WriteNumber("local_storage", (long)cores * 64L * 1024 * 1024 * 1024);
        w.WriteEndObject();
    }
}
