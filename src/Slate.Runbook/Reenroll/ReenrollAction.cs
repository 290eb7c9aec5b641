using Slate.Runbook.Core;

namespace Slate.Runbook.Reenroll;

/// <summary>What Step 5 does: create each missing machine, set the power of a machine MAAS could not power, then wait for Ready.</summary>
public abstract record ReenrollAction : IStepAction<ReenrollAction>
{
    private const string EnlistKind = "enlist-machine";
    private const string RepowerKind = "repower-machine";
    private const string AwaitReadyKind = "await-ready";
    private const string HostKey = "host";
    private const string SystemIdKey = "system_id";
    private const string MacKey = "mac";
    private const string ArchitectureKey = "architecture";
    private const string PowerTypeKey = "power_type";
    private const string PowerAddressKey = "power_address";
    private const string PowerIdKey = "power_id";
    private const string HostsKey = "hosts";

    private ReenrollAction()
    {
    }

    /// <summary>POST machines: the host's machine by its boot MAC, powered by virsh (the password is never an argument).</summary>
    public sealed record Enlist(string Host, string Mac, string Architecture, string PowerType, string PowerAddress, string PowerId) : ReenrollAction;

    /// <summary>PUT the virsh power parameters of a machine MAAS left at New, then commission it.</summary>
    public sealed record Repower(string Host, string SystemId, string PowerAddress, string PowerId) : ReenrollAction;

    /// <summary>Poll MAAS by boot MAC, every host in one read, until each settles.</summary>
    public sealed record AwaitReady(IReadOnlyList<(string Host, string Mac)> Hosts) : ReenrollAction;

    public PlannedAction Planned(string description) => this switch
    {
        Enlist a => PlannedAction.Of(EnlistKind, a.Host, description, (HostKey, a.Host), (MacKey, a.Mac), (ArchitectureKey, a.Architecture),
            (PowerTypeKey, a.PowerType), (PowerAddressKey, a.PowerAddress), (PowerIdKey, a.PowerId)),
        Repower a => PlannedAction.Of(RepowerKind, a.Host, description, (HostKey, a.Host), (SystemIdKey, a.SystemId),
            (PowerAddressKey, a.PowerAddress), (PowerIdKey, a.PowerId)),
        AwaitReady a => PlannedAction.Of(AwaitReadyKind, string.Join(", ", a.Hosts.Select(h => h.Host)), description,
            (HostsKey, string.Join(",", a.Hosts.Select(h => $"{h.Host}={h.Mac}")))),
        _ => throw new InvalidOperationException($"re-enrolment has no action {GetType().Name}"),
    };

    public static ReenrollAction From(PlannedAction planned) => planned.Kind switch
    {
        EnlistKind => new Enlist(planned.Argument(HostKey), planned.Argument(MacKey), planned.Argument(ArchitectureKey), planned.Argument(PowerTypeKey),
            planned.Argument(PowerAddressKey), planned.Argument(PowerIdKey)),
        RepowerKind => new Repower(planned.Argument(HostKey), planned.Argument(SystemIdKey), planned.Argument(PowerAddressKey), planned.Argument(PowerIdKey)),
        AwaitReadyKind => new AwaitReady([.. planned.Argument(HostsKey).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=') is [var host, var mac] ? (host, mac) : throw new InvalidOperationException($"await-ready: {pair} is not host=mac"))]),
        _ => throw new InvalidOperationException($"re-enrolment has no action {planned.Kind}"),
    };
}
