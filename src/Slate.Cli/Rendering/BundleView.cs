using System.Text.Json;
using Slate.Cli.Interaction;
using Slate.Runbook.BundleCheck;

namespace Slate.Cli.Rendering;

internal static class BundleView
{
    public static string ToJson(BundleCheckRequest request, BundleCheckReport report) => JsonSerializer.Serialize(
        new BundleCheckDocument("bundle-check", request.BundlePath, request.OverlayPaths, (int)report.ExitCode, report.AllPassed, report.Results),
        CliJson.Default.BundleCheckDocument);

    public static void Render(IInteraction io, BundleCheckRequest request, BundleCheckReport report)
    {
        var overlays = request.OverlayPaths.Count == 0 ? "" : $" + {string.Join(", ", request.OverlayPaths)}";
        io.Line($"Bundle gate (read-only) — {request.BundlePath}{overlays}");
        foreach (var r in report.Results)
            io.Line($"{(r.Passed ? "PASS" : "FAIL")}  {r.RuleId,-14} {r.Subject}: {r.Message}");
        var failed = report.Results.Count(r => !r.Passed);
        io.Line(failed == 0 ? $"PASS — all {report.Results.Count} checks" : $"FAIL — {failed} of {report.Results.Count} checks failed");
    }
}
