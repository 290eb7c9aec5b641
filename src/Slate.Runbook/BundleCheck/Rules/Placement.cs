namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>A <c>to:</c> directive: <c>[lxd:|kvm:](new | machine | app | app/unit)</c>.</summary>
internal sealed record Placement(string? Container, string? Machine, string? Application, int? Unit)
{
    public static Placement? Parse(string text)
    {
        string? container = null;
        var target = text;
        if (text.IndexOf(':') is var colon and >= 0)
        {
            container = text[..colon];
            target = text[(colon + 1)..];
            if (container is not ("lxd" or "kvm")) return null;
        }
        if (target == "new") return new(container, null, null, null);
        if (IsNumber(target)) return new(container, target, null, null);
        var slash = target.IndexOf('/');
        if (slash < 0) return target.Length > 0 ? new(container, null, target, null) : null;
        var unit = target[(slash + 1)..];
        return slash > 0 && IsNumber(unit) ? new(container, null, target[..slash], int.Parse(unit, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    private static bool IsNumber(string text) => text.Length is > 0 and < 9 && text.All(char.IsAsciiDigit);
}
