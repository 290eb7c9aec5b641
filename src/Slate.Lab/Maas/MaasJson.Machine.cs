using System.Text.Json;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

internal static partial class MaasJson
{
    private static readonly string[] HardwareInfoKeys =
        ["system_vendor", "system_product", "system_version", "system_serial", "cpu_model", "mainboard_vendor", "mainboard_product"];

    public static void Link(Utf8JsonWriter w, LabLink link)
    {
        w.WriteStartObject();
        w.WriteNumber("id", link.Id);
        w.WriteString("mode", link.Mode switch
        {
            LinkMode.Auto => "auto",
            LinkMode.Dhcp => "dhcp",
            LinkMode.Static => "static",
            _ => "link_up",
        });
        // Omitted, never null: gomaasapi rejects "subnet": null and "ip_address": null.
        if (link.Subnet is not null)
        {
            w.WritePropertyName("subnet");
            Subnet(w, link.Subnet);
        }
        if (link.IpAddress is not null) w.WriteString("ip_address", link.IpAddress.ToString());
        w.WriteEndObject();
    }

    /// <summary>The addresses commissioning saw, sorted by address; null when there are none (models/interface.py get_discovered).</summary>
    private static void Discovered(Utf8JsonWriter w, LabInterface nic)
    {
        if (nic.Discovered.Count == 0)
        {
            w.WriteNull("discovered");
            return;
        }
        w.WriteStartArray("discovered");
        foreach (var seen in nic.Discovered.OrderBy(d => Slate.Runbook.Sites.AddressRange.Number(d.Ip)))
        {
            w.WriteStartObject();
            w.WritePropertyName("subnet");
            Subnet(w, seen.Subnet);
            w.WriteString("ip_address", seen.Ip.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void Interface(Utf8JsonWriter w, LabMachine machine, LabInterface nic)
    {
        w.WriteStartObject();
        w.WriteString("system_id", machine.SystemId);
        w.WriteNumber("id", nic.Id);
        w.WriteString("name", nic.Name);
        w.WriteString("type", nic.Type switch
        {
            InterfaceType.Bridge => "bridge", InterfaceType.Vlan => "vlan", InterfaceType.Bond => "bond", _ => "physical",
        });
        if (nic.Vlan is null) w.WriteNull("vlan");
        else
        {
            w.WritePropertyName("vlan");
            Vlan(w, nic.Vlan);
        }
        w.WriteString("mac_address", nic.MacAddress);
        Names(w, "parents", nic.Parents.Select(p => p.Name));
        Names(w, "children", machine.ChildrenOf(nic).Select(c => c.Name));
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteBoolean("enabled", true);
        w.WriteStartArray("links");
        foreach (var link in nic.Links) Link(w, link);
        w.WriteEndArray();
        if (nic.BridgeType is not null)
        {
            w.WriteStartObject("params");
            w.WriteString("bridge_type", nic.BridgeType);
            w.WriteBoolean("bridge_stp", nic.BridgeStp);
            w.WriteNumber("bridge_fd", nic.BridgeFd);
            w.WriteEndObject();
        }
        else if (nic.BondMode is not null)
        {
            w.WriteStartObject("params");
            w.WriteString("bond_mode", nic.BondMode);
            w.WriteNumber("bond_miimon", 100);
            w.WriteEndObject();
        }
        else w.WriteString("params", "");
        Discovered(w, nic);
        w.WriteNumber("effective_mtu", nic.Vlan?.Mtu ?? 1500);
        w.WriteNull("vendor");
        w.WriteNull("product");
        w.WriteNull("firmware_version");
        w.WriteBoolean("link_connected", true);
        w.WriteNumber("interface_speed", 0);
        w.WriteNumber("link_speed", 0);
        w.WriteNumber("numa_node", 0);
        w.WriteNumber("sriov_max_vf", 0);
        w.WriteString("resource_uri", $"{Prefix}nodes/{machine.SystemId}/interfaces/{nic.Id}/");
        w.WriteEndObject();
    }

    public static void Machine(Utf8JsonWriter w, LabMachine m)
    {
        w.WriteStartObject();
        w.WriteString("system_id", m.SystemId);
        w.WriteString("hostname", m.Hostname);
        w.WriteString("description", m.Description);
        w.WriteNull("hardware_uuid");
        w.WritePropertyName("domain");
        Domain(w);
        w.WriteString("fqdn", m.Hostname + ".maas");
        if (m.Owner is null) w.WriteNull("owner");
        else w.WriteString("owner", m.Owner);
        w.WriteStartObject("owner_data");
        w.WriteEndObject();
        w.WriteBoolean("locked", false);
        EmptyArrays(w, "cache_sets", "bcaches");
        w.WriteString("bios_boot_method", "uefi");
        if (m.BootInterface is { } boot)
        {
            w.WritePropertyName("boot_interface");
            Interface(w, m, boot);
        }
        else w.WriteNull("boot_interface");
        w.WriteString("architecture", m.Architecture);
        w.WriteString("min_hwe_kernel", "");
        w.WriteString("hwe_kernel", "");
        w.WriteNumber("cpu_count", 2);
        w.WriteNumber("cpu_speed", 0);
        w.WriteNumber("memory", 8192);
        w.WriteNull("swap_size");
        w.WriteNumber("storage", 0.0);
        w.WriteNumber("status", (int)m.Status);
        w.WriteString("osystem", m.OSystem);
        w.WriteString("distro_series", m.DistroSeries);
        w.WriteBoolean("ephemeral_deploy", false);
        w.WriteString("error_description", m.ErrorDescription);
        w.WriteBoolean("netboot", m.Status != NodeStatus.Deployed);
        w.WriteString("power_type", m.PowerType);
        w.WriteString("power_state", m.PowerState);
        Names(w, "tag_names", m.Tags);
        w.WriteNull("address_ttl");
        Names(w, "ip_addresses", m.Interfaces.SelectMany(i => i.Links).Where(l => l.IpAddress is not null).Select(l => l.IpAddress!.ToString()), sort: false);
        w.WriteStartArray("interface_set");
        foreach (var nic in m.Interfaces) Interface(w, m, nic);
        w.WriteEndArray();
        w.WritePropertyName("zone");
        Zone(w);
        w.WritePropertyName("pool");
        Pool(w);
        w.WriteBoolean("disable_ipv4", false);
        if (m.ConstraintsByType)
        {
            w.WriteStartObject("constraints_by_type");
            w.WriteEndObject();
        }
        if (m.BootDisk is { } disk)
        {
            w.WritePropertyName("boot_disk");
            BlockDevice(w, m, disk);
            foreach (var set in new[] { "blockdevice_set", "physicalblockdevice_set" })
            {
                w.WriteStartArray(set);
                BlockDevice(w, m, disk);
                w.WriteEndArray();
            }
        }
        else
        {
            w.WriteNull("boot_disk");
            EmptyArrays(w, "blockdevice_set", "physicalblockdevice_set");
        }
        EmptyArrays(w, "virtualblockdevice_set", "volume_groups", "raids", "special_filesystems", "numanode_set");
        w.WriteString("status_action", "");
        w.WriteString("status_message", m.StatusMessage);
        w.WriteString("status_name", m.Status.Label());
        w.WriteNumber("node_type", 0);
        w.WriteString("node_type_name", "Machine");
        w.WriteNull("parent");
        if (m.Pod is null) w.WriteNull("pod");
        else
        {
            w.WriteStartObject("pod");
            w.WriteNumber("id", m.Pod.Id);
            w.WriteString("name", m.Pod.Name);
            w.WriteString("resource_uri", $"{Prefix}pods/{m.Pod.Id}/");
            w.WriteEndObject();
        }
        w.WriteStartObject("default_gateways");
        var gateway = m.Interfaces.SelectMany(i => i.Links).FirstOrDefault(l => l.Id == m.GatewayLinkId && l.Subnet is not null);
        w.WriteStartObject("ipv4");
        if (gateway is null) w.WriteNull("gateway_ip");
        else w.WriteString("gateway_ip", gateway.Subnet!.Gateway.ToString());
        if (gateway is null) w.WriteNull("link_id");
        else w.WriteNumber("link_id", gateway.Id);
        w.WriteEndObject();
        w.WriteStartObject("ipv6");
        w.WriteNull("gateway_ip");
        w.WriteNull("link_id");
        w.WriteEndObject();
        w.WriteEndObject();
        foreach (var result in new[] { "current_commissioning_result_id", "current_testing_result_id", "current_installation_result_id" })
        {
            w.WriteNull(result);
        }
        foreach (var test in new[] { "commissioning", "testing", "cpu_test", "memory_test", "network_test", "storage_test", "other_test", "interface_test" })
        {
            var passed = m.Commissioned || test != "commissioning";
            w.WriteNumber(test + "_status", passed ? 2 : 0);
            w.WriteString(test + "_status_name", passed ? "Passed" : "Pending");
        }
        w.WriteStartObject("hardware_info");
        foreach (var key in HardwareInfoKeys) w.WriteString(key, "Unknown");
        w.WriteEndObject();
        if (m.VirtualMachineId is { } vm) w.WriteNumber("virtualmachine_id", vm);
        else w.WriteNull("virtualmachine_id");
        w.WriteStartObject("workload_annotations");
        w.WriteEndObject();
        w.WriteNull("last_sync");
        w.WriteNull("sync_interval");
        w.WriteNull("next_sync");
        w.WriteBoolean("enable_hw_sync", false);
        w.WriteBoolean("enable_kernel_crash_dump", false);
        w.WriteBoolean("is_dpu", false);
        w.WriteString("resource_uri", $"{Prefix}machines/{m.SystemId}/");
        w.WriteEndObject();
    }

    /// <summary>A physical block device with the fields gomaasapi requires (see ../shared/conformance/gomaasapi/NOTES.md).</summary>
    private static void BlockDevice(Utf8JsonWriter w, LabMachine m, LabBlockDevice disk)
    {
        w.WriteStartObject();
        w.WriteNumber("id", disk.Id);
        w.WriteString("system_id", m.SystemId);
        w.WriteString("name", disk.Name);
        w.WriteString("type", "physical");
        w.WriteString("path", "/dev/disk/by-dname/" + disk.Name);
        w.WriteString("id_path", "/dev/disk/by-id/virtio-" + disk.Name);
        w.WriteString("model", "");
        w.WriteString("serial", "");
        w.WriteNumber("size", disk.SizeBytes);
        w.WriteNumber("block_size", 512);
        w.WriteNumber("used_size", disk.SizeBytes);
        w.WriteNumber("available_size", 0);
        w.WriteString("used_for", "GPT partitioned with 1 partition");
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteStartArray("partitions");
        w.WriteEndArray();
        w.WriteNull("filesystem");
        w.WriteNull("uuid");
        w.WriteString("partition_table_type", "GPT");
        w.WriteString("resource_uri", $"{Prefix}nodes/{m.SystemId}/blockdevices/{disk.Id}/");
        w.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter w, string property, IEnumerable<string> names, bool sort = true)
    {
        w.WriteStartArray(property);
        foreach (var name in sort ? names.Order(StringComparer.Ordinal) : names) w.WriteStringValue(name);
        w.WriteEndArray();
    }

    private static void EmptyArrays(Utf8JsonWriter w, params string[] properties)
    {
        foreach (var property in properties)
        {
            w.WriteStartArray(property);
            w.WriteEndArray();
        }
    }
}
