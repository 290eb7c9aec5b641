using Slate.Lab.Cloud;

namespace Slate.Lab.Faults;

/// <summary>
/// Decides which lab juju commands fail (<see cref="LabFaults.JujuError"/>) and records each in the lab's event log;
/// its Random is its own, seeded from the spec's seed (else the lab's), so the MAAS faults of a seed do not move.
/// </summary>
public sealed class JujuFaultInjector
{
    private readonly LabCloud _cloud;
    private readonly Random? _random;
    private readonly Lock _gate = new();

    public JujuFaultInjector(LabCloud cloud)
    {
        _cloud = cloud;
        if (cloud.Faults.JujuError > 0)
            _random = cloud.Faults.Seed is { } seed ? new Random(unchecked(seed * 31 + 7)) : cloud.Ids.Fork();
    }

    /// <summary>Whether this juju command fails before the controller acts; recorded when it does.</summary>
    public bool Fails(string command)
    {
        if (_random is null)
            return false;
        lock (_gate)
        {
            if (_random.NextDouble() >= _cloud.Faults.JujuError)
                return false;
        }
        _cloud.Record(LabFaults.EventSource, $"juju {command}: ERROR before the controller acted");
        return true;
    }
}
