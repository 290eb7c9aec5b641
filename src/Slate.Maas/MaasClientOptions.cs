namespace Slate.Maas;

public sealed record MaasClientOptions
{
    /// <summary>Innermost handler (tests, proxies). Default: a <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? InnerHandler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many times a read (GET) is retried after 503, 504, 409 with Retry-After, or a transport error: by default a
    /// read is tried as often as a write is sent (Slate.Runbook's MaasWrites.Attempts).
    /// </summary>
    public int ReadRetryBudget { get; init; } = 5;

    /// <summary>Longest single wait between read retries, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest answer body read (64 MiB): a bigger one is refused, not buffered.</summary>
    public long MaxAnswerBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Per-attempt timeout, measured on <see cref="TimeProvider"/>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
