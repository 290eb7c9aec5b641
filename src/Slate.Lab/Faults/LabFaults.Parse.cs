using System.Globalization;

namespace Slate.Lab.Faults;

public sealed partial class LabFaults
{
    /// <summary>The spec forms <see cref="Parse"/> accepts, for help texts and error messages.</summary>
    public const string Forms =
        "latency=200ms|2s, 503=RATE[:SECONDS] (Retry-After, default 10), 409=RATE[:SECONDS] (MAAS busy: rolled back, Retry-After default 5), " +
        "409-state=RATE (a write refused as a state conflict: 409 without Retry-After), lost=RATE, juju-error=RATE (a juju command exits 1 with an ERROR line, nothing done), " +
        "hypervisor-drop=RATE (a hypervisor write is not carried out: the connection drops during it), " +
        "stuck=HOST[,HOST], fail-commissioning=HOST[,HOST], fail-testing=HOST[,HOST], decompose-deletes-domain=HOST[,HOST], " +
        "decompose-fails=HOST[,HOST] (the machine leaves MAAS, its VM stays as it was), leftover-devices=HOST[,HOST] (its containers' MAAS devices survive the teardown), " +
        "lingering=HOST[,HOST] (its juju machine never finishes dying), seed=N (the lab's system ids and fault draws); RATE is from 0 to 1";

    public const int DefaultUnavailableRetryAfter = 10;
    public const int DefaultConflictRetryAfter = 5;
    private const int MaxRetryAfterSeconds = 3600;
    private static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(10);

    /// <summary>Parses one spec per element (see <see cref="Forms"/>); the host faults may repeat, the others not.</summary>
    /// <exception cref="LabFaultSpecException">a spec that does not parse.</exception>
    public static LabFaults Parse(IEnumerable<string> specs)
    {
        var faults = None;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new LabFaultSpecException(spec, "expected KIND=VALUE, one of: " + Forms);
            var kind = spec[..equals].Trim().ToLowerInvariant();
            var value = spec[(equals + 1)..].Trim();
            if (HostKinds.Contains(kind))
            {
                faults = faults.WithHosts(kind, Hosts(spec, value));
                continue;
            }
            if (!given.Add(kind))
                throw new LabFaultSpecException(spec, $"{kind} is given twice");
            faults = kind switch
            {
                "latency" => faults.With(latency: Duration(spec, value)),
                "503" => faults.With(unavailable: Retryable(spec, value, DefaultUnavailableRetryAfter)),
                "409" => faults.With(conflict: Retryable(spec, value, DefaultConflictRetryAfter)),
                "409-state" => faults.With(stateConflict: Rate(spec, value)),
                "lost" => faults.With(lost: Rate(spec, value)),
                "juju-error" => faults.With(jujuError: Rate(spec, value)),
                "hypervisor-drop" => faults.With(hypervisorDrop: Rate(spec, value)),
                "seed" => faults.With(seed: int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
                    ? seed : throw new LabFaultSpecException(spec, "the seed must be a whole number")),
                _ => throw new LabFaultSpecException(spec, $"unknown fault '{kind}'; the forms are: {Forms}"),
            };
        }
        return faults;
    }

    private LabFaults With(
        TimeSpan? latency = null, RetryableFault? unavailable = null, RetryableFault? conflict = null, double? stateConflict = null, double? lost = null,
        double? jujuError = null, double? hypervisorDrop = null, int? seed = null) => new()
    {
        Latency = latency ?? Latency,
        Unavailable = unavailable ?? Unavailable,
        Conflict = conflict ?? Conflict,
        StateConflict = stateConflict ?? StateConflict,
        Lost = lost ?? Lost,
        JujuError = jujuError ?? JujuError,
        HypervisorDrop = hypervisorDrop ?? HypervisorDrop,
        Seed = seed ?? Seed,
        _hosts = _hosts,
    };

    /// <summary>These faults with more hosts named by one host fault (names compare without case, as MAAS's hostnames do).</summary>
    private LabFaults WithHosts(string kind, IEnumerable<string> hosts)
    {
        var named = new Dictionary<string, IReadOnlySet<string>>(_hosts, StringComparer.Ordinal)
        {
            [kind] = new HashSet<string>(HostsOf(kind).Concat(hosts), StringComparer.OrdinalIgnoreCase),
        };
        var faults = With();
        faults._hosts = named;
        return faults;
    }

    private static double Rate(string spec, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new LabFaultSpecException(spec, $"the rate '{value}' is not a number from 0 to 1");

    private static RetryableFault Retryable(string spec, string value, int defaultRetryAfter)
    {
        var parts = value.Split(':');
        if (parts.Length > 2) throw new LabFaultSpecException(spec, "expected RATE[:SECONDS]");
        if (parts.Length == 1) return new RetryableFault(Rate(spec, parts[0]), defaultRetryAfter);
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxRetryAfterSeconds
            ? new RetryableFault(Rate(spec, parts[0]), seconds)
            : throw new LabFaultSpecException(spec, $"Retry-After '{parts[1]}' is not whole seconds from 0 to {MaxRetryAfterSeconds}");
    }

    private static TimeSpan Duration(string spec, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : throw new LabFaultSpecException(spec, "the latency needs a unit: ms or s (e.g. latency=200ms)");
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
               && TimeSpan.FromMilliseconds(amount * unit) is var latency && latency <= MaxLatency
            ? latency
            : throw new LabFaultSpecException(spec, $"the latency '{value}' is not a duration up to {MaxLatency.TotalMinutes:0} minutes");
    }

    private static IEnumerable<string> Hosts(string spec, string value)
    {
        var hosts = value.Split(',', StringSplitOptions.TrimEntries);
        return hosts.All(h => h.Length > 0 && !h.Any(char.IsWhiteSpace))
            ? hosts
            : throw new LabFaultSpecException(spec, "expected one or more hostnames separated by commas");
    }
}
