using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Teardown;

/// <summary>Runbook Step 2's GATE, judged on a fresh observation (and on the baseline journalled at apply time).</summary>
internal static class TeardownGate
{
    public const string HostGone = "host-gone";
    public const string DomainOff = "domain-off";

    public static GateReport Judge(Site site, TeardownOptions options, TeardownObservation o)
    {
        var lines = new List<GateLine>();
        var model = site.Cloud.JujuModel;
        if (options.Canary)
        {
            var canary = site.Hosts[0].Name;
            var machine = o.Machine(canary);
            lines.Add(new GateLine("canary-out", machine is not null && o.JujuError is null && o.ModelMachine(machine) is null, canary,
                $"not a machine of {model}", machine is null ? "not in MAAS" : o.JujuError ?? (o.ModelMachine(machine) is { } m ? $"machine {m.Id}" : "removed")));
            lines.Add(Survived(o, canary));
            lines.Add(DomainPresent(o, canary));
        }
        else
        {
            lines.Add(new GateLine("model-gone", o.Model is null && o.JujuError is null, model, "no model", o.JujuError ?? (o.Model is null ? "absent" : "present")));
            foreach (var host in site.Hosts)
            {
                if (options.Path == TeardownPath.Destroy && o.ReenrolledSince(host.Name) is { } successor)
                {
                    // Later steps stand on this one: the machine torn down is gone, and MAAS now powers the domain.
                    lines.Add(new GateLine(HostGone, true, host.Name, "not in MAAS, or re-enrolled since with a new system_id",
                        $"re-enrolled since as {successor.SystemId} {successor.StatusName}"));
                    lines.Add(DomainPresent(o, host.Name));
                }
                else if (options.Path == TeardownPath.Destroy)
                {
                    lines.Add(Absent(o, HostGone, host.Name));
                    lines.Add(DomainShutOff(o, host.Name));
                }
                else
                {
                    lines.Add(Survived(o, host.Name));
                    lines.Add(DomainPresent(o, host.Name));
                }
            }
            lines.AddRange(site.Orphans.Where(n => !site.IsProtected(n)).Select(n => Absent(o, "orphan-gone", n)));
            lines.AddRange(o.Baseline.Values.Where(b => b.Key.StartsWith(TeardownBaseline.DevicePrefix, StringComparison.Ordinal))
                .Select(b => DeviceGone(o, b.Key[TeardownBaseline.DevicePrefix.Length..], b.Value)));
        }
        foreach (var name in site.Protected)
        {
            var observed = o.Machine(name) is { } machine ? TeardownBaseline.Describe(machine) : "absent";
            var expected = o.Baseline.GetValueOrDefault(TeardownBaseline.ProtectedKey(name)) ?? observed;
            lines.Add(new GateLine("protected-same", observed == expected, name, expected, observed));
        }
        return new GateReport(lines) { Basis = o.Baseline.Source };
    }

    /// <summary>
    /// A container's MAAS device journalled at apply time is gone: a leftover one holds plane addresses the carve and the
    /// next deploy will want.
    /// </summary>
    private static GateLine DeviceGone(TeardownObservation o, string systemId, string hostname) =>
        o.Devices.FirstOrDefault(d => d.SystemId == systemId) is { } left
            ? new GateLine("device-gone", false, hostname, "not in MAAS",
                $"device {systemId} still holds {(left.Addresses.Count == 0 ? "no address" : string.Join(", ", left.Addresses))}: maas $PROFILE device delete {systemId}")
            : new GateLine("device-gone", true, hostname, "not in MAAS", "gone");

    private static GateLine Absent(TeardownObservation o, string code, string name) =>
        new(code, o.Machine(name) is null, name, "not in MAAS", o.Machine(name) is { } m ? $"{m.SystemId} {m.StatusName}" : "absent");

    /// <summary>Still in MAAS, Deployed, with the system_id journalled when the teardown was applied.</summary>
    private static GateLine Survived(TeardownObservation o, string name)
    {
        var machine = o.Machine(name);
        var expectedId = o.Record.IdOf(name);
        var holds = machine is { StatusName: "Deployed" } && (expectedId is null || machine.SystemId == expectedId);
        return new GateLine("host-survived", holds, name, $"Deployed, system_id {expectedId ?? "(no journalled baseline)"}",
            machine is null ? "not in MAAS" : $"{machine.StatusName}, system_id {machine.SystemId}");
    }

    private static GateLine DomainShutOff(TeardownObservation o, string name) => o.Domain(name) is { } domain
        ? new GateLine(DomainOff, domain.State == DomainState.ShutOff, name, "domain defined, shut off", DomainStates.Describe(domain.State))
        : new GateLine(DomainOff, false, name, "domain defined, shut off", o.HypervisorError ?? "no such domain: re-enrolment needs it");

    private static GateLine DomainPresent(TeardownObservation o, string name) => o.Domain(name) is { } domain
        ? new GateLine("domain-present", true, name, "domain defined", DomainStates.Describe(domain.State))
        : new GateLine("domain-present", false, name, "domain defined", o.HypervisorError ?? "no such domain");
}
