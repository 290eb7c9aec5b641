using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Preflight;

/// <summary>Reads the model's machines and maps each instance-id to the MAAS machine it names.</summary>
internal static class JujuBaselineReader
{
    public static async Task<JujuBaseline?> ReadAsync(Site site, IJuju juju, IReadOnlyList<MaasMachine> machines, List<Finding> findings, CancellationToken ct)
    {
        var model = site.Cloud.JujuModel;
        JujuModelStatus status;
        try
        {
            status = await juju.StatusAsync(model, ct).ConfigureAwait(false);
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
            findings.Add(new Finding(Severity.Info, "model-absent", model, "Juju has no such model: nothing for the teardown to destroy"));
            return null;
        }
        catch (JujuException e)
        {
            // Unread, the model might hold a protected machine: that must block, never pass as a warning.
            findings.Add(new Finding(Severity.Fatal, "juju-unreadable", model, $"the model cannot be read: {e.Message}"));
            return null;
        }
        var rows = status.Machines
            .Select(m => new JujuMachineBaseline(m.Id, m.InstanceId, machines.FirstOrDefault(x => x.SystemId == m.InstanceId)?.Hostname, m.AgentStatus?.Current))
            .ToList();
        foreach (var row in rows)
        {
            if (row.Hostname is { } host && site.IsProtected(host))
                findings.Add(new Finding(Severity.Fatal, "protected-in-model", host,
                    $"protected machine is Juju machine {row.MachineId} of {model}: destroying the model would release it"));
            else if (row.Hostname is null)
                findings.Add(new Finding(Severity.Warning, "model-machine-unknown", $"machine {row.MachineId}",
                    $"instance-id {row.InstanceId ?? "none"} is not a machine the site names"));
        }
        foreach (var error in status.Errors)
            findings.Add(new Finding(Severity.Warning, "juju-status-error", error.Where, error.Message));
        return new JujuBaseline(model, rows)
        {
            ContainerHostnames = [.. status.Machines.SelectMany(m => m.Containers).Select(c => c.Hostname ?? c.InstanceId).OfType<string>()],
        };
    }
}
