using System.Text;

namespace Slate.Lab.Juju;

/// <summary>What <c>juju export-bundle</c> prints for a model: YAML with applications, placements, machines, relations.</summary>
internal static class LabJujuBundle
{
    public static string Export(LabJujuModel model)
    {
        // Every name written here is a juju application, endpoint or machine id: no YAML quoting is needed
        // except for the machine ids, which must stay strings.
        var yaml = new StringBuilder();
        yaml.Append("default-base: ubuntu@22.04/stable\n");
        yaml.Append("applications:\n");
        foreach (var application in model.Applications)
        {
            yaml.Append($"  {application.Name}:\n");
            yaml.Append($"    charm: {application.Charm}\n");
            yaml.Append($"    channel: {application.Channel}\n");
            yaml.Append($"    revision: {application.Revision}\n");
            if (application.SubordinateTo is not null) continue;
            yaml.Append($"    num_units: {application.Units.Count}\n");
            if (application.Units.Count == 0) continue;
            yaml.Append("    to:\n");
            foreach (var unit in application.Units) yaml.Append($"    - \"{Placement(unit.Machine!)}\"\n");
        }
        if (model.Machines.Count > 0)
        {
            yaml.Append("machines:\n");
            foreach (var machine in model.Machines) yaml.Append($"  \"{machine.Id}\": {{}}\n");
        }
        var relations = model.Relations.Where(r => r.Application1 != r.Application2).ToList(); // peers are implicit
        if (relations.Count > 0)
        {
            yaml.Append("relations:\n");
            foreach (var r in relations)
                yaml.Append($"- - {r.Application1}:{r.Endpoint1}\n  - {r.Application2}:{r.Endpoint2}\n");
        }
        return yaml.ToString();
    }

    /// <summary>export-bundle's placement: a machine's id, or lxd:HOST for a container (bundle "to" syntax).</summary>
    private static string Placement(string machineId) =>
        machineId.Contains("/lxd/", StringComparison.Ordinal) ? "lxd:" + LabJujuContainer.HostOf(machineId) : machineId;
}
