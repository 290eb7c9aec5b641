using Slate.Lab.Cloud;

namespace Slate.Lab.Faults;

/// <summary>
/// Decides which lab hypervisor writes are not carried out (<see cref="LabFaults.HypervisorDrop"/>) and records each in
/// the lab's event log; its Random is its own, so a seed's MAAS and juju faults do not move.
/// </summary>
public sealed class HypervisorFaultInjector
{
    private readonly LabCloud _cloud;
    private readonly double _rate;
    private readonly Random? _random;
    private readonly Lock _gate = new();

    public HypervisorFaultInjector(LabCloud cloud, LabFaults faults)
    {
        (_cloud, _rate) = (cloud, faults.HypervisorDrop);
        if (_rate > 0)
            _random = faults.Seed is { } seed ? new Random(unchecked(seed * 31 + 11)) : cloud.Ids.Fork();
    }

    /// <summary>Whether this write is dropped before it is carried out; recorded when it is.</summary>
    public bool Drops(string write)
    {
        if (_random is null)
            return false;
        lock (_gate)
        {
            if (_random.NextDouble() >= _rate)
                return false;
        }
        _cloud.Record(LabFaults.EventSource, $"hypervisor {write}: the connection dropped, not carried out");
        return true;
    }
}
