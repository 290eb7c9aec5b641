using System.Globalization;

namespace Slate.Runbook.Ports;

/// <summary>
/// What a gate compares the cloud with: the facts the step's last applied plan journalled (see
/// <see cref="IJournal.AppliedPlans"/>), and that plan's run, which the gate names.
/// </summary>
public sealed record JournalBaseline(AppliedPlan? From)
{
    public static readonly JournalBaseline None = new((AppliedPlan?)null);

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Values => From?.Baseline ?? NoValues;

    public string? GetValueOrDefault(string key) => Values.GetValueOrDefault(key);

    /// <summary>The run the gate took its baseline from, in one phrase; null when no plan of the step was applied.</summary>
    public string? Source => From is { } plan
        ? $"the baseline journalled by run {plan.Run ?? "(from before runs had ids)"} at {plan.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
        : null;
}
