using System.Globalization;

namespace Slate.Lab.Juju;

/// <summary>Reads a duration the way Go's time.ParseDuration does: <c>0</c>, <c>90s</c>, <c>1h30m</c>, <c>1.5m</c>, <c>500ms</c>.</summary>
internal static class GoDurationText
{
    private static readonly (string Unit, double Milliseconds)[] Units =
        [("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1e3), ("m", 60e3), ("h", 3600e3)];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text;
        var sign = 1;
        if (rest.StartsWith('-') || rest.StartsWith('+'))
        {
            sign = rest[0] == '-' ? -1 : 1;
            rest = rest[1..];
        }
        if (rest == "0") return true;
        if (rest.Length == 0) return false;
        double total = 0;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.')) digits++;
            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            rest = rest[digits..];
            // Longest unit first, so "ms" is not read as "m" followed by "s".
            var unit = Units.OrderByDescending(u => u.Unit.Length).FirstOrDefault(u => rest.StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit.Unit is null) return false;
            total += number * unit.Milliseconds;
            rest = rest[unit.Unit.Length..];
        }
        // A Go Duration is int64 nanoseconds; ParseDuration calls anything longer an invalid duration (time/format.go).
        if (total > long.MaxValue / 1e6) return false;
        duration = TimeSpan.FromMilliseconds(sign * total);
        return true;
    }
}
