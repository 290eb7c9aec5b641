using Slate.Cli.Interaction;

namespace Slate.Cli.Rehearsal;

/// <summary>An operator who reads nothing and types nothing: the steps a crash rehearsal runs only to set the lab up.</summary>
internal sealed class QuietInteraction : IInteraction
{
    public void Line(string text)
    {
    }

    public void Error(string text)
    {
    }

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
    }

    public void Json(string json)
    {
    }

    public string? Ask(string prompt) => null;

    public string? Secret(string prompt) => null;
}
