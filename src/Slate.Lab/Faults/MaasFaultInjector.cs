using System.Globalization;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;

namespace Slate.Lab.Faults;

/// <summary>
/// Applies the cloud's request faults (<see cref="LabFaults"/>) to authenticated MAAS calls and records each one in
/// the lab's event log. The 503/409/lost decisions draw from one Random, seeded by the spec's seed or the lab's own.
/// </summary>
internal sealed class MaasFaultInjector
{
    private readonly LabCloud _cloud;
    private readonly LabFaults _faults;
    private readonly Random? _random;
    private readonly Lock _gate = new();

    public MaasFaultInjector(LabCloud cloud)
    {
        _cloud = cloud;
        _faults = cloud.Faults;
        if (_faults.DrawsPerCall) _random = _faults.Seed is { } seed ? new Random(seed) : cloud.Ids.Fork();
    }

    /// <summary>Waits the injected latency on the lab clock.</summary>
    public Task DelayAsync(CancellationToken cancellationToken) =>
        _faults.Latency > TimeSpan.Zero ? Task.Delay(_faults.Latency, _cloud.Time, cancellationToken) : Task.CompletedTask;

    /// <summary>The 503 or 409 answered instead of running the handler (so nothing changes), or null to run it.</summary>
    public MaasResponse? Refusal(MaasCall call)
    {
        if (Hits(_faults.Unavailable.Rate))
            return Refuse(call, 503, _faults.Unavailable.RetryAfterSeconds, "MAAS is unavailable (lab fault injection).");
        if (Hits(_faults.Conflict.Rate))
            return Refuse(call, 409, _faults.Conflict.RetryAfterSeconds, "The database retry budget was exhausted (lab fault injection).");
        return null;
    }

    /// <summary>Whether the response to this call, which has been handled, is lost: the caller drops the connection.</summary>
    public bool LosesResponse(MaasCall call)
    {
        if (!Hits(_faults.Lost)) return false;
        _cloud.Record(LabFaults.EventSource, $"lost the response to {Describe(call)} (the call was handled; the connection is dropped)");
        return true;
    }

    private MaasResponse Refuse(MaasCall call, int status, int retryAfterSeconds, string message)
    {
        _cloud.Record(LabFaults.EventSource, string.Create(CultureInfo.InvariantCulture, $"{status} on {Describe(call)} (Retry-After: {retryAfterSeconds})"));
        return MaasResponse.Text(status, message) with { RetryAfterSeconds = retryAfterSeconds };
    }

    private bool Hits(double rate)
    {
        if (rate <= 0 || _random is null) return false;
        lock (_gate) return _random.NextDouble() < rate;
    }

    private static string Describe(MaasCall call)
    {
        var path = call.Path.StartsWith(MaasJson.Prefix, StringComparison.Ordinal) ? call.Path[MaasJson.Prefix.Length..] : call.Path;
        return call.Op is null ? $"{call.Method} {path}" : $"{call.Method} {path}?op={call.Op}";
    }
}
