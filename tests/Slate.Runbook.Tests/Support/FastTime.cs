namespace Slate.Runbook.Tests.Support;

/// <summary>
/// The real clock, running <see cref="Factor"/> times faster: budgets, poll intervals and retry delays of a step pass
/// in milliseconds while the step still waits for real (asynchronous work between polls keeps its order).
/// </summary>
internal sealed class FastTime(int factor = 100) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _started = System.GetTimestamp();

    public int Factor { get; } = factor;

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_started) * Factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Factor;

    private sealed class ScaledTimer(ITimer inner, FastTime time) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(time.Scale(dueTime), time.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
