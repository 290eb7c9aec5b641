namespace Slate.Runbook.Core;

/// <summary>A step run's identity in the journal: time-ordered (a UUIDv7's first 20 hex digits), so runs sort as they began.</summary>
public static class RunId
{
    public static string New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N")[..20];
}
