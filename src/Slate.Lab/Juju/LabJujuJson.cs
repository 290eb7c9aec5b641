using System.Globalization;
using System.Text.Json;
using Slate.Lab.Cloud;
using Slate.Runbook.Sites;

namespace Slate.Lab.Juju;

/// <summary>Writes what Juju 3.x prints for <c>models --format=json</c> and <c>status --format=json</c>.</summary>
internal static class LabJujuJson
{
    private const string AgentVersion = "3.6.14";
    private const string DefaultSpace = "alpha";

    public static void Models(Utf8JsonWriter w, LabJujuController controller)
    {
        var models = controller.Models;
        w.WriteStartObject();
        w.WriteStartArray("models");
        foreach (var model in models) Summary(w, controller, model);
        w.WriteEndArray();
        var current = models.FirstOrDefault(m => m.Name == controller.Cloud.Site.Cloud.JujuModel);
        if (current is not null) w.WriteString("current-model", current.Name);
        w.WriteEndObject();
    }

    /// <summary>
    /// What destroy-model's wait reads while the model is still there (lab-only: real juju polls ModelStatus over its
    /// API and prints the counts as <c>Waiting for model to be removed, N machine(s), N application(s)</c>).
    /// </summary>
    public static void Progress(Utf8JsonWriter w, LabJujuModel model)
    {
        w.WriteStartObject();
        w.WriteBoolean("is-controller", model.IsController);
        w.WriteString("life", model.Life);
        w.WriteNumber("machines", model.Machines.Count);
        w.WriteNumber("applications", model.Applications.Count);
        w.WriteNumber("volumes", model.Storage.Count);
        w.WriteEndObject();
    }

    /// <summary>What remove-machine did, for the lab command to print as juju does.</summary>
    public static void Removal(Utf8JsonWriter w, LabJujuMachineRemoval removal)
    {
        w.WriteStartObject();
        w.WriteString("machine", removal.MachineId);
        w.WriteBoolean("keep-instance", removal.KeepInstance);
        Strings(w, "units", removal.Units);
        Strings(w, "detached-storage", removal.DetachedStorage);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, LabJujuController controller, LabJujuModel model)
    {
        w.WriteStartObject();
        w.WriteString("name", model.QualifiedName);
        w.WriteString("short-name", model.Name);
        w.WriteString("model-uuid", model.Uuid);
        w.WriteString("model-type", "iaas");
        w.WriteString("controller-uuid", controller.Uuid);
        w.WriteString("controller-name", controller.Name);
        w.WriteBoolean("is-controller", model.IsController);
        w.WriteString("owner", model.Owner);
        w.WriteString("cloud", "maas");
        w.WriteString("region", "default");
        w.WriteString("type", "maas");
        w.WriteStartObject("credential");
        w.WriteString("name", "maas");
        w.WriteString("owner", model.Owner);
        w.WriteString("cloud", "maas");
        w.WriteEndObject();
        w.WriteString("life", model.Life);
        w.WriteStartObject("status");
        w.WriteString("current", model.Life == "alive" ? "available" : "destroying");
        w.WriteString("since", Since(model.Since));
        w.WriteEndObject();
        w.WriteString("access", "admin");
        w.WriteString("last-connection", "just now");
        w.WriteString("agent-version", AgentVersion);
        w.WriteEndObject();
    }

    public static void Status(Utf8JsonWriter w, LabJujuController controller, LabJujuModel model)
    {
        w.WriteStartObject();
        w.WriteStartObject("model");
        w.WriteString("name", model.Name);
        w.WriteString("type", "iaas");
        w.WriteString("controller", controller.Name);
        w.WriteString("cloud", "maas");
        w.WriteString("region", "default");
        w.WriteString("version", AgentVersion);
        w.WriteStartObject("model-status");
        w.WriteString("current", model.Life == "alive" ? "available" : "destroying");
        w.WriteString("since", Since(model.Since));
        w.WriteEndObject();
        w.WriteString("sla", "unsupported");
        w.WriteEndObject();
        w.WriteStartObject("machines");
        foreach (var machine in model.Machines) Machine(w, controller.Cloud, machine);
        w.WriteEndObject();
        w.WriteStartObject("applications");
        foreach (var application in model.Applications) Application(w, controller.Cloud.Site, model, application);
        w.WriteEndObject();
        LabJujuStorageJson.Write(w, model.Storage);
        w.WriteStartObject("controller");
        w.WriteString("timestamp", controller.Cloud.Time.GetUtcNow().ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // machine-status is the cloud's view: MAAS's status of the instance, read live from the lab MAAS.
    private static void Machine(Utf8JsonWriter w, LabCloud cloud, LabJujuMachine machine)
    {
        var instance = cloud.Machines.FindBySystemId(machine.InstanceId);
        w.WriteStartObject(machine.Id);
        Status(w, "juju-status", "started", machine.Since, version: AgentVersion, life: machine.Life);
        w.WriteString("hostname", machine.Hostname);
        w.WriteString("dns-name", machine.DnsName);
        Strings(w, "ip-addresses", machine.IpAddresses);
        w.WriteString("instance-id", machine.InstanceId);
        w.WriteString("display-name", machine.Hostname);
        Status(w, "machine-status", instance is null ? "unknown" : instance.Status == NodeStatus.Deployed ? "running" : "stopped", machine.Since,
            instance is null ? "instance not found in MAAS" : instance.Status.Label());
        Status(w, "modification-status", "applied", machine.Since);
        Base(w);
        NetworkInterfaces(w, machine.NetworkInterfaces);
        Containers(w, machine);
        w.WriteString("constraints", "arch=amd64");
        w.WriteString("hardware", "arch=amd64 availability-zone=default");
        w.WriteEndObject();
    }

    // A container is a machine of its own nested under its host (cmd/juju/status/formatted.go machineStatus.Containers).
    private static void Containers(Utf8JsonWriter w, LabJujuMachine machine)
    {
        if (machine.Containers.Count == 0) return;
        w.WriteStartObject("containers");
        foreach (var container in machine.Containers)
        {
            w.WriteStartObject(container.Id);
            Status(w, "juju-status", "started", machine.Since, version: AgentVersion);
            w.WriteString("hostname", container.Hostname);
            w.WriteString("dns-name", container.IpAddresses.FirstOrDefault() ?? "");
            Strings(w, "ip-addresses", container.IpAddresses);
            w.WriteString("instance-id", container.Hostname);
            Status(w, "machine-status", "running", machine.Since, "Container started");
            Base(w);
            w.WriteString("hardware", "availability-zone=default");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // Juju's formatter (cmd/juju/status/formatted.go): NICs by name, each with its addresses, MAC, space and state.
    private static void NetworkInterfaces(Utf8JsonWriter w, IReadOnlyList<LabJujuNetworkInterface> interfaces)
    {
        if (interfaces.Count == 0) return;
        w.WriteStartObject("network-interfaces");
        foreach (var nic in interfaces)
        {
            w.WriteStartObject(nic.Name);
            Strings(w, "ip-addresses", nic.IpAddresses);
            w.WriteString("mac-address", nic.MacAddress);
            if (nic.Space is { } space) w.WriteString("space", space);
            w.WriteBoolean("is-up", true);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Application(Utf8JsonWriter w, Site site, LabJujuModel model, LabJujuApplication application)
    {
        w.WriteStartObject(application.Name);
        w.WriteString("charm", application.Charm);
        Base(w);
        w.WriteString("charm-origin", "charmhub");
        w.WriteString("charm-name", application.Charm);
        w.WriteNumber("charm-rev", application.Revision);
        w.WriteString("charm-channel", application.Channel);
        w.WriteBoolean("exposed", false);
        if (model.Life != "alive") w.WriteString("life", model.Life);
        Status(w, "application-status", "active", model.Since, "Unit is ready");
        Relations(w, model, application.Name);
        if (application.SubordinateTo is { } principal)
        {
            w.WriteStartArray("subordinate-to");
            w.WriteStringValue(principal);
            w.WriteEndArray();
        }
        else
        {
            w.WriteStartObject("units");
            foreach (var unit in application.Units) Unit(w, model, unit);
            w.WriteEndObject();
        }
        EndpointBindings(w, site, model, application);
        w.WriteEndObject();
    }

    // "" is the application's default space; the lab binds an API charm's public endpoint to the site's public plane
    // (as the bundle gate demands) and everything else to juju's default space, alpha.
    private static void EndpointBindings(Utf8JsonWriter w, Site site, LabJujuModel model, LabJujuApplication application)
    {
        var endpoints = model.Relations
            .SelectMany(r => new[] { (r.Application1, r.Endpoint1), (r.Application2, r.Endpoint2) })
            .Where(e => e.Item1 == application.Name).Select(e => e.Item2);
        if (site.Bundle.ApiCharms.Contains(application.Charm)) endpoints = endpoints.Append(site.Bundle.PublicEndpoint);
        w.WriteStartObject("endpoint-bindings");
        w.WriteString("", DefaultSpace);
        foreach (var endpoint in endpoints.Distinct().Order(StringComparer.Ordinal))
            w.WriteString(endpoint, endpoint == site.Bundle.PublicEndpoint ? site.Bundle.PublicPlane : DefaultSpace);
        w.WriteEndObject();
    }

    // Juju 3.x shape: endpoint → names of the related applications.
    private static void Relations(Utf8JsonWriter w, LabJujuModel model, string application)
    {
        var byEndpoint = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in model.Relations)
        {
            if (r.Application1 == application) Add(byEndpoint, r.Endpoint1, r.Application2);
            else if (r.Application2 == application) Add(byEndpoint, r.Endpoint2, r.Application1);
        }
        w.WriteStartObject("relations");
        foreach (var (endpoint, related) in byEndpoint)
        {
            w.WriteStartArray(endpoint);
            foreach (var name in related) w.WriteStringValue(name);
            w.WriteEndArray();
        }
        w.WriteEndObject();

        static void Add(SortedDictionary<string, List<string>> map, string endpoint, string related)
        {
            if (!map.TryGetValue(endpoint, out var list)) map[endpoint] = list = [];
            list.Add(related);
        }
    }

    private static void Unit(Utf8JsonWriter w, LabJujuModel model, LabJujuUnit unit)
    {
        w.WriteStartObject(unit.Name);
        Status(w, "workload-status", "active", model.Since, "Unit is ready");
        Status(w, "juju-status", "idle", model.Since, version: AgentVersion);
        if (unit.Leader) w.WriteBoolean("leader", true);
        if (unit.Machine is { } machineId) w.WriteString("machine", machineId);
        // A subordinate unit has no machine of its own; juju shows its principal's address.
        var hostId = unit.Machine ?? model.Applications.SelectMany(a => a.Units).FirstOrDefault(u => u.Name == unit.Principal)?.Machine;
        if (model.AddressOf(hostId) is { } address) w.WriteString("public-address", address);
        var subordinates = model.Applications.SelectMany(a => a.Units).Where(u => u.Principal == unit.Name).ToList();
        if (subordinates.Count > 0)
        {
            w.WriteStartObject("subordinates");
            foreach (var subordinate in subordinates) Unit(w, model, subordinate);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // A status value as juju's formatter writes it (cmd/juju/status/formatted.go statusInfoContents): current, then
    // message, since and version when it has them, and life unless alive.
    private static void Status(Utf8JsonWriter w, string name, string current, DateTimeOffset since, string? message = null, string? version = null, string life = "alive")
    {
        w.WriteStartObject(name);
        w.WriteString("current", current);
        if (message is not null) w.WriteString("message", message);
        w.WriteString("since", Since(since));
        if (version is not null) w.WriteString("version", version);
        if (life != "alive") w.WriteString("life", life);
        w.WriteEndObject();
    }

    private static void Base(Utf8JsonWriter w)
    {
        w.WriteStartObject("base");
        w.WriteString("name", "ubuntu");
        w.WriteString("channel", "22.04");
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    // Juju's status time format (common.FormatTime): 12 Jul 2023 12:36:01Z.
    public static string Since(DateTimeOffset at) => at.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
