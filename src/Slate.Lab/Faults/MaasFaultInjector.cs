using System.Globalization;
using System.Text;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;

namespace Slate.Lab.Faults;

/// <summary>
/// Applies the cloud's request faults (<see cref="LabFaults"/>) to authenticated MAAS calls and records each one in
/// the lab's event log. The 503/409/409-state/lost decisions draw from one Random, seeded by the spec's seed or the lab's own.
/// </summary>
internal sealed class MaasFaultInjector
{
    /// <summary>
    /// MAAS's answer when its database retries run out: the request was rolled back, and its 409.html page asks for it
    /// again (canonical/maas src/maasserver/utils/views.py, HttpResponseConflict; src/maasserver/templates/409.html).
    /// </summary>
    private static readonly MaasResponse RolledBack = new(409, "text/html; charset=utf-8", Encoding.UTF8.GetBytes("""
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
          <head>
            <title>Error: Conflict Error</title>
          </head>
          <body>
            <h2 class="p-heading--four">
              Conflict error. Try your request again, as it will most likely succeed.
            </h2>
          </body>
        </html>

        """));

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
    public Task DelayAsync(CancellationToken ct) =>
        _faults.Latency > TimeSpan.Zero ? Task.Delay(_faults.Latency, _cloud.Time, ct) : Task.CompletedTask;

    /// <summary>The 503 or 409 answered instead of running the handler (so nothing changes), or null to run it.</summary>
    public MaasResponse? Refusal(MaasCall call)
    {
        if (Hits(_faults.Unavailable.Rate))
            return Refuse(call, MaasResponse.Text(503, "MAAS is unavailable (lab fault injection)."), _faults.Unavailable.RetryAfterSeconds);
        if (Hits(_faults.Conflict.Rate))
            return Refuse(call, RolledBack, _faults.Conflict.RetryAfterSeconds);
        if (call.Method != "GET" && Hits(_faults.StateConflict))
            return Refuse(call, MaasResponse.Text(409, "Cannot do this to the object in its current state (lab fault injection: a state conflict)."), null);
        return null;
    }

    /// <summary>Whether the response to this call, which has been handled, is lost: the caller drops the connection.</summary>
    public bool LosesResponse(MaasCall call)
    {
        if (!Hits(_faults.Lost)) return false;
        _cloud.Record(LabFaults.EventSource, $"lost the response to {Describe(call)} (the call was handled; the connection is dropped)");
        return true;
    }

    private MaasResponse Refuse(MaasCall call, MaasResponse answer, int? retryAfterSeconds)
    {
        var retryAfter = retryAfterSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"Retry-After: {seconds}") : "no Retry-After";
        _cloud.Record(LabFaults.EventSource, string.Create(CultureInfo.InvariantCulture, $"{answer.Status} on {Describe(call)} ({retryAfter})"));
        return answer with { RetryAfterSeconds = retryAfterSeconds };
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
