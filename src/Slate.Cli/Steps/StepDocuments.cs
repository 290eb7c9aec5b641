using System.Text.Json;
using Slate.Cli.Rendering;
using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Cli.Steps;

/// <summary>Builds the --json document of a finished run.</summary>
internal static class StepDocuments
{
    public static string ToJson(StepRun run, Site site, IReadOnlyList<string> notes)
    {
        var plan = run.Assessment.Plan;
        // Every planned action with what became of it, then the follow-ups the run added (forced removals).
        var actions = plan.Actions.Select(a => run.Actions.FirstOrDefault(r => ReferenceEquals(r.Action, a)) ?? new ActionRecord(a, null, ""))
            .Concat(run.Actions.Where(r => !plan.Actions.Any(a => ReferenceEquals(a, r.Action))))
            .Select(Document)
            .ToList();
        var document = new StepDocument(run.Step, run.Mode.ToString().ToLowerInvariant(), site.SourcePath, site.Cloud.Name,
            run.Assessment.MaasName, (int)run.ExitCode, plan.Heading, plan.Fingerprint, plan.Tables.Select(Document).ToList(),
            plan.Findings, actions, [.. plan.Notes, .. notes], plan.Summary, run.Gate is { } gate ? new GateDocument(gate.Green, gate.Lines) : null);
        return JsonSerializer.Serialize(document, CliJson.Default.StepDocument);
    }

    private static ActionDocument Document(ActionRecord record) => new(record.Action.Kind, record.Action.Subject, record.Action.Description,
        record.Action.Arguments, record.Outcome?.ToString().ToLowerInvariant() ?? (record.Detail.Length > 0 ? record.Detail : null),
        record.Outcome is null ? null : record.Detail);

    private static TableDocument Document(ReportTable table) => new(table.Title,
        table.Rows.Select(row => (IReadOnlyDictionary<string, string>)table.Headers.Zip(row)
            .ToDictionary(c => Key(c.First), c => c.Second))
            .ToList());

    /// <summary>A column title as a JSON key: "MAAS status" → maas_status, "instance-id" → instance_id.</summary>
    private static string Key(string header) =>
        string.Concat(header.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
