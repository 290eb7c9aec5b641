using System.Globalization;
using System.Text.Json;
using Slate.Lab.Cloud;

namespace Slate.Lab.Juju;

/// <summary>Writes what Juju 3.x prints for <c>models --format=json</c> and <c>status --format=json</c>.</summary>
internal static class LabJujuJson
{
    private const string AgentVersion = "3.6.14";

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
        w.WriteString("life", model.Life);
        w.WriteNumber("machines", model.Machines.Count);
        w.WriteNumber("applications", model.Applications.Count);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, LabJujuController controller, LabJujuModel model)
    {
        w.WriteStartObject();
        w.WriteString("name", model.QualifiedName);
        w.WriteString("short-name", model.Name);
        w.WriteString("model-uuid", model.Uuid);
        w.WriteString("model-type", "iaas");
        w.WriteString("controller-name", controller.Name);
        w.WriteBoolean("is-controller", model.IsController);
        w.WriteString("owner", model.Owner);
        w.WriteString("cloud", "maas");
        w.WriteString("region", "default");
        w.WriteString("type", "maas");
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
        w.WriteEndObject();
        w.WriteStartObject("machines");
        foreach (var machine in model.Machines) Machine(w, controller.Cloud, machine);
        w.WriteEndObject();
        w.WriteStartObject("applications");
        foreach (var application in model.Applications) Application(w, model, application);
        w.WriteEndObject();
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
        w.WriteStartObject("juju-status");
        w.WriteString("current", "started");
        w.WriteString("since", Since(machine.Since));
        w.WriteString("version", AgentVersion);
        if (machine.Life != "alive") w.WriteString("life", machine.Life);
        w.WriteEndObject();
        w.WriteString("hostname", machine.Hostname);
        w.WriteString("dns-name", machine.DnsName);
        w.WriteStartArray("ip-addresses");
        foreach (var address in machine.IpAddresses) w.WriteStringValue(address);
        w.WriteEndArray();
        w.WriteString("instance-id", machine.InstanceId);
        w.WriteString("display-name", machine.Hostname);
        w.WriteStartObject("machine-status");
        w.WriteString("current", instance is null ? "unknown" : instance.Status == NodeStatus.Deployed ? "running" : "stopped");
        w.WriteString("message", instance is null ? "instance not found in MAAS" : instance.Status.Label());
        w.WriteString("since", Since(machine.Since));
        w.WriteEndObject();
        w.WriteStartObject("modification-status");
        w.WriteString("current", "applied");
        w.WriteString("since", Since(machine.Since));
        w.WriteEndObject();
        w.WriteStartObject("base");
        w.WriteString("name", "ubuntu");
        w.WriteString("channel", "22.04");
        w.WriteEndObject();
        w.WriteString("constraints", "arch=amd64");
        w.WriteString("hardware", "arch=amd64 availability-zone=default");
        w.WriteEndObject();
    }

    private static void Application(Utf8JsonWriter w, LabJujuModel model, LabJujuApplication application)
    {
        w.WriteStartObject(application.Name);
        w.WriteString("charm", application.Charm);
        w.WriteStartObject("base");
        w.WriteString("name", "ubuntu");
        w.WriteString("channel", "22.04");
        w.WriteEndObject();
        w.WriteString("charm-origin", "charmhub");
        w.WriteString("charm-name", application.Charm);
        w.WriteNumber("charm-rev", application.Revision);
        w.WriteString("charm-channel", application.Channel);
        w.WriteBoolean("exposed", false);
        if (model.Life != "alive") w.WriteString("life", model.Life);
        w.WriteStartObject("application-status");
        w.WriteString("current", "active");
        w.WriteString("message", "Unit is ready");
        w.WriteEndObject();
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
        w.WriteStartObject("workload-status");
        w.WriteString("current", "active");
        w.WriteString("message", "Unit is ready");
        w.WriteEndObject();
        w.WriteStartObject("juju-status");
        w.WriteString("current", "idle");
        w.WriteEndObject();
        if (unit.Leader) w.WriteBoolean("leader", true);
        if (unit.Machine is { } machineId)
        {
            w.WriteString("machine", machineId);
            if (model.Machines.Find(m => m.Id == machineId) is { } machine) w.WriteString("public-address", machine.DnsName);
        }
        var subordinates = model.Applications.SelectMany(a => a.Units).Where(u => u.Principal == unit.Name).ToList();
        if (subordinates.Count > 0)
        {
            w.WriteStartObject("subordinates");
            foreach (var subordinate in subordinates) Unit(w, model, subordinate);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // Juju's status time format (common.FormatTime): 12 Jul 2023 12:36:01Z.
    private static string Since(DateTimeOffset at) => at.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
