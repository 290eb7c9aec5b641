using System.Globalization;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>Formats a TimeSpan the way Go's time.ParseDuration reads it: <c>10m</c>, <c>1h30m</c>, <c>0s</c>.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
            throw new JujuException(JujuFailure.Invalid, $"a juju timeout cannot be negative ({value})");
        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new JujuException(JujuFailure.Invalid, $"a juju timeout must be whole seconds ({value})");
        if (value == TimeSpan.Zero)
            return "0s";
        var hours = (long)value.TotalHours;
        return (hours > 0 ? hours.ToString(CultureInfo.InvariantCulture) + "h" : "")
            + (value.Minutes > 0 ? value.Minutes.ToString(CultureInfo.InvariantCulture) + "m" : "")
            + (value.Seconds > 0 ? value.Seconds.ToString(CultureInfo.InvariantCulture) + "s" : "");
    }
}
