using Slate.Cli.Interaction;

namespace Slate.Cli.Tests;

/// <summary>Captures everything a command would have shown, as plain text lines.</summary>
internal sealed class RecordingInteraction : IInteraction
{
    public List<string> Out { get; } = [];

    public List<string> Errors { get; } = [];

    public string OutText => string.Join('\n', Out);

    public void Line(string text) => Out.Add(text);

    public void Error(string text) => Errors.Add(text);

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Out.Add($"[{title}]");
        Out.Add(string.Join(" | ", headers));
        Out.AddRange(rows.Select(r => string.Join(" | ", r)));
    }

    public void Json(string json) => Out.Add(json);

    /// <summary>What the "operator" types at each prompt, in order; with none left there is no terminal (null).</summary>
    public Queue<string> Answers { get; } = new();

    public List<string> Prompts { get; } = [];

    public string? Ask(string prompt)
    {
        Prompts.Add(prompt);
        return Answers.TryDequeue(out var answer) ? answer : null;
    }

    /// <summary>What the "operator" types at each no-echo prompt, in order; never recorded in <see cref="Out"/>.</summary>
    public Queue<string> Secrets { get; } = new();

    public string? Secret(string prompt)
    {
        Prompts.Add(prompt);
        return Secrets.TryDequeue(out var secret) ? secret : null;
    }
}
