using System.Collections;
using Slate.Lab.Faults;

namespace Slate.Lab.Cloud;

/// <summary>
/// The MAAS machines and their lifecycle. Enumerating settles the transitions due on the lab clock and yields a
/// snapshot; every command takes the cloud's lock.
/// </summary>
public sealed partial class LabMachines : IReadOnlyList<LabMachine>
{
    private const string SystemIdAlphabet = "abcdefghkmnpqrstwxy0123456789";
    private readonly LabCloud _cloud;
    private readonly List<LabMachine> _machines = [];
    private readonly HashSet<string> _issuedSystemIds = new(StringComparer.Ordinal);
    private readonly LabCommissioning _commissioning;

    internal LabMachines(LabCloud cloud)
    {
        _cloud = cloud;
        _commissioning = new LabCommissioning(cloud);
    }

    /// <summary>The live list, unsettled; for the aggregates, under the lock.</summary>
    internal List<LabMachine> Unsettled => _machines;

    public int Count => Snapshot().Count;

    public LabMachine this[int index] => Snapshot()[index];

    public IEnumerator<LabMachine> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public LabMachine? FindByHostname(string hostname)
    {
        lock (_cloud.SyncRoot) { Settle(); return _machines.Find(m => m.Hostname == hostname); }
    }

    public LabMachine? FindBySystemId(string systemId)
    {
        lock (_cloud.SyncRoot) { Settle(); return _machines.Find(m => m.SystemId == systemId); }
    }

    /// <summary>The machine with that system id, or the 404 MAAS answers.</summary>
    public LabMachine Get(string systemId) => FindBySystemId(systemId) ?? throw LabApiException.NotFound("Machine");

    public IReadOnlyList<LabMachine> Matching(MachineQuery filter)
    {
        lock (_cloud.SyncRoot) return [.. Snapshot().Where(filter.Matches)];
    }

    internal LabMachine? OwnerOfMac(string mac) =>
        _machines.Find(m => m.Interfaces.Any(i => string.Equals(i.MacAddress, mac, StringComparison.OrdinalIgnoreCase)));

    internal LabMachine Add(string hostname, NodeStatus status)
    {
        var machine = new LabMachine(NewSystemId(), hostname) { Status = status, StatusSince = _cloud.Time.GetUtcNow() };
        _machines.Add(machine);
        return machine;
    }

    /// <summary>
    /// Runs the rack's due chassis probes, applies every pending transition whose due time has passed (a finished one may
    /// start the next, e.g. testing after commissioning), and fails the monitored statuses of stuck machines that timed out.
    /// </summary>
    public void Settle()
    {
        lock (_cloud.SyncRoot)
        {
            var now = _cloud.Time.GetUtcNow();
            bool progressed;
            do
            {
                progressed = _cloud.Pods.RunDueProbes(now);
                foreach (var machine in _machines.ToList())
                {
                    if (machine.Pending is not { } pending || pending.Due > now) continue;
                    if (!_cloud.Faults.Stuck.Contains(machine.Hostname))
                    {
                        machine.Pending = null;
                        Finish(machine, pending);
                        progressed = true;
                    }
                    else if (TimedOut(machine, now) is { } failed)
                    {
                        machine.Pending = null;
                        SetStatus(machine, failed, $"{machine.Status.Label()} timed out");
                        _cloud.Record(LabFaults.EventSource, $"{machine.Hostname} ({machine.SystemId}) timed out: {failed.Label()}");
                    }
                    else if (!machine.StuckReported)
                    {
                        machine.StuckReported = true;
                        _cloud.Record(LabFaults.EventSource,
                            $"{machine.Hostname} ({machine.SystemId}) is stuck in {machine.Status.Label()}: its transition never completes");
                    }
                }
            }
            while (progressed);
        }
    }

    /// <summary>The failed status a monitored status falls to once its timeout passed (node_status.py).</summary>
    private NodeStatus? TimedOut(LabMachine machine, DateTimeOffset now)
    {
        var (failed, timeout) = machine.Status switch
        {
            NodeStatus.Releasing => (NodeStatus.FailedReleasing, _cloud.Timings.ReleasingTimeout),
            NodeStatus.Commissioning => (NodeStatus.FailedCommissioning, _cloud.Timings.NodeTimeout),
            NodeStatus.Testing => (NodeStatus.FailedTesting, _cloud.Timings.NodeTimeout),
            NodeStatus.Deploying => (NodeStatus.FailedDeployment, _cloud.Timings.NodeTimeout),
            _ => ((NodeStatus?)null, TimeSpan.Zero),
        };
        return failed is not null && machine.StatusSince + timeout <= now ? failed : null;
    }

    private List<LabMachine> Snapshot()
    {
        lock (_cloud.SyncRoot) { Settle(); return [.. _machines]; }
    }

    /// <summary>A system id never issued before, to a machine or a device (MAAS's ids are unique across nodes).</summary>
    internal string NewSystemId()
    {
        while (true)
        {
            var id = _cloud.Ids.Token(6);
            if (_issuedSystemIds.Add(id)) return id;
        }
    }
}
