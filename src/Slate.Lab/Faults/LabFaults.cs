using System.Globalization;

namespace Slate.Lab.Faults;

/// <summary>
/// What a sick MAAS does, so operators can rehearse it: slow answers, 503 and 409 with Retry-After, writes refused as
/// state conflicts, responses lost after the request was applied, machines whose timed transitions never complete, and
/// commissioning or testing that fails.
/// The request faults hit every authenticated MAAS call and never the anonymous version/, so clients can still probe.
/// Built by <see cref="Parse"/>; per-request decisions draw from a Random seeded by <see cref="Seed"/> (else from the lab's).
/// </summary>
public sealed partial class LabFaults
{
    /// <summary>The <see cref="Cloud.LabEvent.Source"/> of every injected fault in the lab's event log.</summary>
    public const string EventSource = "fault";

    public static LabFaults None { get; } = new();

    /// <summary>Added to every authenticated call, measured on the lab clock.</summary>
    public TimeSpan Latency { get; private init; }

    /// <summary>503 + Retry-After: what MAAS answers when a rack controller or BMC is unreachable (reference §7).</summary>
    public RetryableFault Unavailable { get; private init; } = new(0, DefaultUnavailableRetryAfter);

    /// <summary>
    /// 409 + Retry-After: what MAAS answers when its DB transaction retries are exhausted — rolled back, nothing done, "try
    /// your request again" (reference §2; canonical/maas src/maasserver/utils/views.py, HttpResponseConflict).
    /// </summary>
    public RetryableFault Conflict { get; private init; } = new(0, DefaultConflictRetryAfter);

    /// <summary>
    /// Rate of writes refused as a state conflict: 409 without Retry-After and a text/plain reason, nothing done, as MAAS
    /// answers a NodeStateViolation (canonical/maas src/maasserver/exceptions.py, MAASAPIException.make_http_response).
    /// A client must stop there, not send it again. Reads never get it: MAAS's reads do not check a node's state.
    /// </summary>
    public double StateConflict { get; private init; }

    /// <summary>Rate of calls that are handled (a write is applied) and then lose their response: the connection drops.</summary>
    public double Lost { get; private init; }

    /// <summary>
    /// Rate of lab juju commands that fail before the controller acts: juju prints an ERROR line and exits 1, as when the
    /// controller is unreachable or refuses (cmd/juju's error path). Drawn from a Random of its own, so the MAAS draws of
    /// a seed stay the same with or without it.
    /// </summary>
    public double JujuError { get; private init; }

    /// <summary>
    /// Rate of the lab hypervisor's writes (detach, network destroy/undefine, volume delete/create) that are not carried
    /// out because the connection to libvirtd drops during the call: the caller cannot tell whether it happened.
    /// </summary>
    public double HypervisorDrop { get; private init; }

    /// <summary>Hostnames whose timed transitions (commissioning, deploying, releasing) never complete.</summary>
    public IReadOnlySet<string> Stuck => HostsOf("stuck");

    /// <summary>Hostnames whose commissioning ends in 2 Failed commissioning.</summary>
    public IReadOnlySet<string> FailCommissioning => HostsOf("fail-commissioning");

    /// <summary>Hostnames whose testing (after a commissioning that succeeded) ends in 22 Failed testing: a test script fails.</summary>
    public IReadOnlySet<string> FailTesting => HostsOf("fail-testing");

    /// <summary>Hosts whose domain a decompose (a released dynamic machine) undefines with all its storage.</summary>
    public IReadOnlySet<string> DecomposeDeletesDomain => HostsOf("decompose-deletes-domain");

    /// <summary>
    /// Hosts whose VM MAAS cannot decompose (the rack cannot reach the hypervisor): the machine row is deleted all the
    /// same and the domain stays as it was, with its disks (models/node.py, delete of a pod VM).
    /// </summary>
    public IReadOnlySet<string> DecomposeFails => HostsOf("decompose-fails");

    /// <summary>
    /// Hosts whose containers' MAAS devices survive the teardown: registered without a parent (so MAAS's release of the
    /// host does not delete them), and juju's release of the container addresses fails.
    /// </summary>
    public IReadOnlySet<string> LeftoverDevices => HostsOf("leftover-devices");

    /// <summary>Hostnames whose Juju machine never finishes dying: destroy-model waits until `remove-machine --force` removes it.</summary>
    public IReadOnlySet<string> Lingering => HostsOf("lingering");

    /// <summary>The faults that name hosts, by their spec kind, in the order <see cref="ToString"/> prints them; each may repeat.</summary>
    public static readonly IReadOnlyList<string> HostKinds =
        ["stuck", "fail-commissioning", "fail-testing", "decompose-deletes-domain", "decompose-fails", "leftover-devices", "lingering"];

    private IReadOnlyDictionary<string, IReadOnlySet<string>> _hosts = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>The hosts a host fault names (none when it is not given).</summary>
    public IReadOnlySet<string> HostsOf(string kind) => _hosts.GetValueOrDefault(kind) ?? new HashSet<string>();

    /// <summary>The lab's seed: with it the system ids and every fault draw repeat run after run (<see cref="Cloud.LabCloud.With"/>).</summary>
    public int? Seed { get; private init; }

    /// <summary>Whether any fault draws from the Random on each call (503, 409, 409-state, lost).</summary>
    public bool DrawsPerCall => Unavailable.Rate > 0 || Conflict.Rate > 0 || StateConflict > 0 || Lost > 0;

    /// <summary>No fault at all (a seed alone injects nothing).</summary>
    public bool IsEmpty => Latency == TimeSpan.Zero && !DrawsPerCall && JujuError == 0 && HypervisorDrop == 0 && _hosts.Values.All(h => h.Count == 0);

    /// <summary>These faults with the lab's seed (`slate rehearse --seed S` is `--fault seed=S`).</summary>
    public LabFaults WithSeed(int seed) => With(seed: seed);

    /// <summary>The faults as specs that parse back to the same set, e.g. "latency=200ms 503=0.2:10 seed=7".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Latency > TimeSpan.Zero) parts.Add(FormattableString.Invariant($"latency={Latency.TotalMilliseconds}ms"));
        if (Unavailable.Rate > 0) parts.Add("503=" + Unavailable);
        if (Conflict.Rate > 0) parts.Add("409=" + Conflict);
        if (StateConflict > 0) parts.Add("409-state=" + StateConflict.ToString(CultureInfo.InvariantCulture));
        if (Lost > 0) parts.Add("lost=" + Lost.ToString(CultureInfo.InvariantCulture));
        if (JujuError > 0) parts.Add("juju-error=" + JujuError.ToString(CultureInfo.InvariantCulture));
        if (HypervisorDrop > 0) parts.Add("hypervisor-drop=" + HypervisorDrop.ToString(CultureInfo.InvariantCulture));
        foreach (var kind in HostKinds.Where(k => HostsOf(k).Count > 0))
            parts.Add(kind + "=" + string.Join(',', HostsOf(kind).Order(StringComparer.Ordinal)));
        if (Seed is { } seed) parts.Add(FormattableString.Invariant($"seed={seed}"));
        return string.Join(' ', parts);
    }
}

/// <summary>A rate in [0, 1] of calls answered with an error that carries Retry-After (whole seconds).</summary>
public readonly record struct RetryableFault(double Rate, int RetryAfterSeconds)
{
    public override string ToString() => FormattableString.Invariant($"{Rate}:{RetryAfterSeconds}");
}
