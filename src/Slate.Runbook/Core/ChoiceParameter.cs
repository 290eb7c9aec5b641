namespace Slate.Runbook.Core;

/// <summary>--name WORD, one of <paramref name="Words"/>, read as the value the word stands for; the first word when not given.</summary>
public sealed record ChoiceParameter<T>(string Name, string Description, IReadOnlyList<(string Word, T Value)> Words)
    : StepParameter(Name, Description, ParameterKind.Value)
{
    public override string Default => Words[0].Word;

    public override IReadOnlyList<string> Choices => [.. Words.Select(w => w.Word)];
}
