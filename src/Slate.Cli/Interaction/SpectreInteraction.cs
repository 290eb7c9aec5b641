using System.Text;
using Spectre.Console;

namespace Slate.Cli.Interaction;

internal sealed class SpectreInteraction : IInteraction
{
    private readonly IAnsiConsole _out = CreateConsole();

    public void Line(string text) => Console.Out.WriteLine(text);

    public void Error(string text) => Console.Error.WriteLine(text);

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(Markup.Escape(title)) };
        foreach (var header in headers)
            table.AddColumn(Markup.Escape(header));
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        _out.Write(table);
    }

    public void Json(string json) => Console.Out.WriteLine(json);

    public string? Ask(string prompt)
    {
        if (Console.IsInputRedirected)
            return null;
        Console.Error.Write($"{prompt}: ");
        return Console.In.ReadLine()?.Trim();
    }

    public string? Secret(string prompt)
    {
        if (Console.IsInputRedirected)
            return null;
        Console.Error.Write($"{prompt}: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
                typed.Length = Math.Max(0, typed.Length - 1);
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }

    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
            console.Profile.Width = 200; // a pipe or a log file has no width; never wrap table rows there
        return console;
    }
}
