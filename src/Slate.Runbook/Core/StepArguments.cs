using System.Globalization;
using System.Text.RegularExpressions;

namespace Slate.Runbook.Core;

/// <summary>
/// The values given for a step's parameters (by name, without dashes), each read back through its typed parameter with
/// Get; a <see cref="SecretParameter"/>'s secret comes from the source the CLI built for it.
/// </summary>
public sealed partial class StepArguments(IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlyDictionary<string, SecretSource>? secrets = null)
{
    public static readonly StepArguments None = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>How the command runs the step: a step whose parameters only make sense for a plan refuses the others.</summary>
    public RunMode Mode { get; init; } = RunMode.Plan;

    /// <summary>Every value given, by parameter name (never a secret: those come from <see cref="Secret"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Given => values;

    /// <summary>These arguments (the same mode and secrets) with <paramref name="parameter"/> given as well: a flag without values.</summary>
    public StepArguments With(StepParameter parameter, params string[] more) =>
        new(new Dictionary<string, IReadOnlyList<string>>(values, StringComparer.Ordinal) { [parameter.Name] = more }, secrets) { Mode = Mode };

    public bool Get(FlagParameter flag) => values.ContainsKey(flag.Name);

    public string? Get(ArgumentParameter argument) => Last(argument);

    public IReadOnlyList<string> Get(ValuesParameter many) => values.TryGetValue(many.Name, out var given) ? given : [];

    /// <summary>Where the secret comes from; with none given there is no one to ask (null).</summary>
    public SecretSource Get(SecretParameter secret) => secrets?.GetValueOrDefault(secret.Name) ?? (_ => null);

    /// <exception cref="StepArgumentException">Not one of the words (a saved plan edited by hand: the command line takes only these).</exception>
    public T Get<T>(ChoiceParameter<T> choice)
    {
        if (Last(choice) is not { } word)
            return choice.Words[0].Value;
        foreach (var (known, value) in choice.Words)
        {
            if (known == word)
                return value;
        }
        throw new StepArgumentException($"--{choice.Name} {word}: expected {string.Join(" or ", choice.Choices)}");
    }

    /// <summary>A Go-style duration (juju's and the runbook's spelling): 90s, 10m, 1h30m.</summary>
    /// <exception cref="StepArgumentException">Not a positive duration of at most a day.</exception>
    public TimeSpan Get(DurationParameter duration)
    {
        if (Last(duration) is not { } text)
            return duration.Fallback;
        var match = DurationPattern().Match(text);
        if (!match.Success)
            throw new StepArgumentException($"--{duration.Name} {text}: not a duration (e.g. 90s, 10m, 1h30m)");
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var number = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += part.Value[^1] switch
            {
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromSeconds(number),
            };
        }
        return total > TimeSpan.Zero && total <= TimeSpan.FromDays(1)
            ? total
            : throw new StepArgumentException($"--{duration.Name} {text}: must be more than 0s and at most 24h");
    }

    private string? Last(StepParameter parameter) => values.TryGetValue(parameter.Name, out var given) && given.Count > 0 ? given[^1] : null;

    [GeneratedRegex(@"^(?<part>[0-9]{1,5}(?:\.[0-9]{1,3})?[hms])+$")]
    private static partial Regex DurationPattern();
}

/// <summary>A step's flag has a value the step cannot use (exit 2).</summary>
public sealed class StepArgumentException(string message) : Exception(message);
