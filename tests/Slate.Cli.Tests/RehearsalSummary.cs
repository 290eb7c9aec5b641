using System.Text.RegularExpressions;

namespace Slate.Cli.Tests;

/// <summary>The rehearsal's summary table read back: each step's outcome and the MAAS calls it made.</summary>
internal static partial class RehearsalSummary
{
    public static IReadOnlyDictionary<string, (string Outcome, int Calls)> Read(IReadOnlyList<string> output) =>
        output.SkipWhile(l => l != "== Summary ==").Select(l => Row().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["step"].Value.TrimEnd(), m => (m.Groups["outcome"].Value.TrimEnd(), int.Parse(m.Groups["calls"].Value)));

    public static string Outcome(IReadOnlyList<string> output, string step) =>
        Read(output).TryGetValue(step, out var row) ? row.Outcome : $"no summary row for '{step}'";

    [GeneratedRegex(@"^(?<step>.{16}) (?<outcome>GATE green|GATE red  |skipped   ) +(?<calls>[0-9]+)$")]
    private static partial Regex Row();
}
