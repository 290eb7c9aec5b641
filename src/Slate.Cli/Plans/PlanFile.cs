using System.Text;
using System.Text.Json;
using Slate.Runbook.Core;
using Slate.Runbook.Files;

namespace Slate.Cli.Plans;

/// <summary>Writes a saved plan (mode 0600, replaced whole) and reads one back, refusing anything that is not one.</summary>
internal static class PlanFile
{
    public static void Write(string path, SavedPlan plan)
    {
        var json = JsonSerializer.Serialize(new PlanFileDocument(PlanFileDocument.CurrentFormat, plan), PlanFileJson.Default.PlanFileDocument);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var file = new FileStream(temporary, new FileStreamOptions
                   {
                       Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                   }))
            {
                file.Write(Encoding.UTF8.GetBytes(json + "\n"));
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            throw new CliInputException($"{path}: the plan cannot be written: {e.Message}");
        }
    }

    public static SavedPlan Read(string path)
    {
        var text = InputFile.ReadText(path, problem => new CliInputException($"{path}: {problem}"), followLinks: false, accept: OwnFile.Problem);
        PlanFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(text, PlanFileJson.Default.PlanFileDocument);
        }
        catch (JsonException e)
        {
            throw new CliInputException($"{path}: not a Slate plan file ({(e.Path is { Length: > 0 } at ? $"at {at}: " : "")}{FirstLine(e.Message)})");
        }
        if (document is null)
            throw new CliInputException($"{path}: not a Slate plan file (empty)");
        if (document.Format != PlanFileDocument.CurrentFormat)
            throw new CliInputException($"{path}: format '{document.Format}' is not {PlanFileDocument.CurrentFormat}");
        return document.Plan;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
