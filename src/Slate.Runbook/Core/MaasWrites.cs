using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// A MAAS write answered "unavailable" (503, or no connection) was not done, so it is sent again — a bounded number of
/// times, waiting a little longer each time on the injected clock. A lost answer is never resent here: its outcome is
/// unknown, and only the step can tell by re-reading.
/// </summary>
public static class MaasWrites
{
    public const int Attempts = 6;

    /// <param name="what">How the progress names the write (e.g. <c>POST machines openstack0</c>); with no progress, nothing is said.</param>
    public static async Task<T> SendAsync<T>(Func<Task<T>> write, TimeProvider time, CancellationToken ct, IProgress<string>? progress = null, string what = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (MaasException e) when (e.Failure == MaasFailure.Unreachable && attempt < Attempts)
            {
                progress?.Report($"{what}: {e.Message} Trying again ({attempt}/{Attempts}).");
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, ct).ConfigureAwait(false);
            }
        }
    }
}
