using Slate.Cli.Rendering;
using System.Text;
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

    public string? Secret(string prompt)
    {
        if (Console.IsInputRedirected)
            return null;
        error.Write($"{TerminalText.Clean(prompt)}: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
                typed.Length = Math.Max(0, typed.Length - 1);
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        error.WriteLine();
        return typed.ToString();
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (output != Console.Out || Console.IsOutputRedirected)
            console.Profile.Width = 200; // a pipe or a log file has no width; never wrap table rows there
        return console;
    }
}
