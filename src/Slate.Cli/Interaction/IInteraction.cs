namespace Slate.Cli.Interaction;

/// <summary>All console I/O of the CLI goes through here: Spectre.Console in production, a recording fake in tests.</summary>
internal interface IInteraction
{
    void Line(string text);

    void Error(string text);

    void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>Machine-readable output for --json: written verbatim to stdout.</summary>
    void Json(string json);

    /// <summary>Shows the prompt and reads one line typed by the operator; null when there is no terminal to ask on.</summary>
    string? Ask(string prompt);

    /// <summary>Like <see cref="Ask"/>, but what is typed is not echoed (a password); null when there is no terminal.</summary>
    string? Secret(string prompt);
}
