using System.Globalization;

namespace Slate.Runbook.Core;

/// <summary>A duration as the operator typed it (and juju prints it): 90s, 10m, 1h30m.</summary>
public static class DurationText
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
            return $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms";
        var parts = (span.Hours + span.Days * 24 > 0 ? $"{span.Hours + span.Days * 24}h" : "")
            + (span.Minutes > 0 ? $"{span.Minutes}m" : "")
            + (span.Seconds > 0 ? $"{span.Seconds}s" : "");
        return parts;
    }
}
