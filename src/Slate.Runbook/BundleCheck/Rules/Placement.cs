using System.Globalization;
using System.Text.RegularExpressions;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>
/// A <c>to:</c> directive in Juju's grammar (juju/charm ParsePlacement): <c>[lxd:|kvm:](new | machine | app[/unit])</c>,
/// where a machine or unit number is 0 or has no leading zero, and has any number of digits.
/// </summary>
internal sealed partial record Placement(string? Container, string? Machine, string? Application, int? Unit)
{
    public static Placement? Parse(string text)
    {
        var m = Grammar().Match(text);
        if (!m.Success) return null;
        var container = m.Groups["container"].Success ? m.Groups["container"].Value : null;
        if (m.Groups["machine"].Success) return new(container, m.Groups["machine"].Value, null, null);
        var application = m.Groups["app"].Value;
        if (!m.Groups["unit"].Success)
            return application == "new" ? new(container, null, null, null) : new(container, null, application, null);
        return application != "new" && int.TryParse(m.Groups["unit"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var unit)
            ? new(container, null, application, unit)
            : null;
    }

    // juju/names ApplicationSnippet: lower-case letters and digits in '-'-joined words, each word holding a letter.
    private const string ApplicationName = "[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*";

    /// <summary>A name Juju accepts for an application (names.IsValidApplication).</summary>
    public static bool IsApplicationName(string text) => ApplicationNamePattern().IsMatch(text);

    /// <summary>A bundle machine id: Juju's number (0, or digits without a leading zero).</summary>
    public static bool IsMachineId(string text) => MachineId().IsMatch(text);

    [GeneratedRegex(@"^(?:(?<container>lxd|kvm):)?(?:(?<app>" + ApplicationName + @")(?:/(?<unit>0|[1-9][0-9]*))?|(?<machine>0|[1-9][0-9]*))$")]
    private static partial Regex Grammar();

    [GeneratedRegex("^" + ApplicationName + "$")]
    private static partial Regex ApplicationNamePattern();

    [GeneratedRegex("^(?:0|[1-9][0-9]*)$")]
    private static partial Regex MachineId();
}
