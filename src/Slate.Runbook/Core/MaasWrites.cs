using System.Globalization;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// The one place a MAAS write is sent again: only when MAAS says it was not done — unavailable or unreachable (503, no
/// connection), or busy (409 with Retry-After: it rolled its transaction back). Each resend waits MAAS's Retry-After
/// (at most <see cref="MaxWait"/>), else a little longer each time, on the injected clock, a bounded number of times. A
/// lost answer is never resent here: its outcome is unknown, and only the step can tell by re-reading. A state conflict
/// (409 without Retry-After) is refused and never resent.
/// </summary>
public static class MaasWrites
{
    public const int Attempts = 6;

    /// <summary>The longest wait between two sends, whatever Retry-After says (as the read retries' default cap).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <param name="what">How the progress names the write (e.g. <c>POST machines openstack0</c>); with no progress, nothing is said.</param>
    public static async Task<T> SendAsync<T>(Func<Task<T>> write, TimeProvider time, CancellationToken ct, IProgress<string>? progress = null, string what = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (MaasException e) when (e.Failure is MaasFailure.Unreachable or MaasFailure.Busy && attempt < Attempts)
            {
                var wait = WaitBefore(attempt, e.RetryAfter);
                progress?.Report($"{what}: {Cause(e, wait)}; sending again ({attempt}/{Attempts})");
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc cref="SendAsync{T}"/>
    public static Task SendAsync(Func<Task> write, TimeProvider time, CancellationToken ct, IProgress<string>? progress = null, string what = "") =>
        SendAsync(async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        }, time, ct, progress, what);

    private static TimeSpan WaitBefore(int attempt, TimeSpan? retryAfter) => retryAfter switch
    {
        { } asked when asked > MaxWait => MaxWait,
        { } asked => asked,
        null => TimeSpan.FromSeconds(attempt),
    };

    private static string Cause(MaasException e, TimeSpan wait)
    {
        var when = e.RetryAfter is { } asked
            ? $"retry after {Seconds(asked)}" + (asked > wait ? $", waiting {Seconds(wait)}" : "")
            : $"waiting {Seconds(wait)}";
        return e.Failure == MaasFailure.Busy ? $"MAAS is busy (409, {when})" : $"{e.Message.TrimEnd('.')} ({when})";
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
