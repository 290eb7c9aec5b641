using Slate.Runbook.Core;

namespace Slate.Runbook.Reenroll;

/// <summary>Runbook Step 5's GATE: every host Ready, with a system_id other than the one the journal recorded before the teardown.</summary>
internal static class ReenrollGate
{
    public const string Ready = "ready";

    public static GateReport Judge(ReenrollObservation o)
    {
        var lines = new List<GateLine>();
        foreach (var h in o.Hosts)
        {
            var name = h.Host.Name;
            var machine = h.ByName;
            var message = h.ByMac is { } byMac && byMac.SystemId == machine?.SystemId ? ReenrollPlanner.Message(byMac.StatusName, byMac.StatusMessage) : "";
            lines.Add(new GateLine(Ready, machine?.StatusName == "Ready", name, "Ready",
                machine is null ? "not in MAAS" : $"{machine.SystemId} {machine.StatusName}{message}"));
            var before = o.PreTeardownIds.GetValueOrDefault(name);
            lines.Add(before is null
                ? new GateLine("fresh-id", false, name, "a system_id other than the one journalled before the teardown",
                    "no teardown of this host in the journal to compare with (run the teardown with the same --journal)")
                : new GateLine("fresh-id", machine is not null && machine.SystemId != before, name, $"not {before} (journalled before the teardown)",
                    machine?.SystemId ?? "not in MAAS"));
        }
        return new GateReport(lines);
    }
}
