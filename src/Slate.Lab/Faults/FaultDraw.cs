using Slate.Lab.Cloud;

namespace Slate.Lab.Faults;

/// <summary>
/// One fault drawn at a rate on each call outside MAAS (a juju command, a hypervisor write), recorded in the lab's event
/// log when it hits. Each kind has a Random of its own, seeded from the spec's seed and the kind's salt (else the lab's),
/// so adding one kind of fault never moves the draws of another.
/// </summary>
public sealed class FaultDraw
{
    private readonly LabCloud _cloud;
    private readonly double _rate;
    private readonly Random? _random;
    private readonly Lock _gate = new();

    public FaultDraw(LabCloud cloud, double rate, int? seed, int salt)
    {
        (_cloud, _rate) = (cloud, rate);
        if (rate > 0)
            _random = seed is { } given ? new Random(unchecked(given * 31 + salt)) : cloud.Ids.Fork();
    }

    /// <summary>Whether the fault hits this call; when it does, <paramref name="what"/> goes into the event log.</summary>
    public bool Hits(string what)
    {
        if (_random is null)
            return false;
        lock (_gate)
        {
            if (_random.NextDouble() >= _rate)
                return false;
        }
        _cloud.Record(LabFaults.EventSource, what);
        return true;
    }
}
