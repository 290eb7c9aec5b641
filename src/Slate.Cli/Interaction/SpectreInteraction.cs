using Slate.Cli.Rendering;
using Spectre.Console;

namespace Slate.Cli.Interaction;

/// <summary>The terminal: every line, error and table cell is cleaned of escape sequences and control characters.</summary>
internal sealed class SpectreInteraction(TextWriter output, TextWriter error) : IInteraction
{
    private readonly IAnsiConsole _out = CreateConsole(output);

    public SpectreInteraction() : this(Console.Out, Console.Error)
    {
    }

    public void Line(string text) => output.WriteLine(TerminalText.Clean(text));

    public void Error(string text) => error.WriteLine(TerminalText.Clean(text));

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(Markup.Escape(TerminalText.Clean(title))) };
        foreach (var header in headers)
            table.AddColumn(Markup.Escape(TerminalText.Clean(header)));
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(TerminalText.Clean(cell))).ToArray());
        _out.Write(table);
    }

    public void Json(string json) => output.WriteLine(json);

    public string? Ask(string prompt)
    {
        if (Console.IsInputRedirected)
            return null;
        error.Write($"{TerminalText.Clean(prompt)}: ");
        return Console.In.ReadLine()?.Trim();
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (output != Console.Out || Console.IsOutputRedirected)
            console.Profile.Width = 200; // a pipe or a log file has no width; never wrap table rows there
        return console;
    }
}
