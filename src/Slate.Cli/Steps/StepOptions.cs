using System.CommandLine;
using Slate.Cli.Interaction;
using Slate.Cli.Secrets;
using Slate.Runbook.Core;

namespace Slate.Cli.Steps;

/// <summary>A step's declared parameters as System.CommandLine symbols, and the values given for them.</summary>
internal static class StepOptions
{
    public static Symbol For(StepParameter parameter)
    {
        var description = parameter.Default is { } fallback ? $"{parameter.Description} [default: {fallback}]" : parameter.Description;
        switch (parameter.Kind)
        {
            case ParameterKind.Flag:
                return new Option<bool>("--" + parameter.Name) { Description = description };
            case ParameterKind.Values:
                return new Option<string[]>("--" + parameter.Name) { Description = description, AllowMultipleArgumentsPerToken = false };
            case ParameterKind.Argument:
                return new Argument<string>(parameter.Name)
                {
                    Description = description,
                    Arity = parameter.Optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
                };
            case ParameterKind.Secret:
                return new Option<string?>("--" + parameter.Name) { Description = description, HelpName = "FILE" };
            default:
                var option = new Option<string?>("--" + parameter.Name) { Description = description };
                if (parameter.Choices is { } choices)
                    option.AcceptOnlyFromAmong([.. choices]);
                return option;
        }
    }

    /// <summary>
    /// The values given; a Secret parameter's file is checked and read now (a bad one is exit 2 before anything runs),
    /// and without one the secret is asked at the terminal, without echo, only when the step needs it.
    /// </summary>
    public static StepArguments Read(StepDefinition definition, IReadOnlyDictionary<string, Symbol> symbols, ParseResult result, RunMode mode, IInteraction io)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters.Where(p => p.Kind != ParameterKind.Secret))
        {
            IReadOnlyList<string> given = symbols[parameter.Name] switch
            {
                Option<bool> flag => result.GetValue(flag) ? ["true"] : [],
                Option<string[]> many => result.GetValue(many) ?? [],
                Option<string?> one => result.GetValue(one) is { } value ? [value] : [],
                Argument<string> argument => result.GetValue(argument) is { } value ? [value] : [],
                var other => throw new InvalidOperationException($"parameter {parameter.Name} has no reader for {other.GetType().Name}"),
            };
            if (given.Count > 0)
                values[parameter.Name] = given;
        }
        return new StepArguments(values, ReadSecrets(definition, symbols, result, io)) { Mode = mode };
    }

    /// <summary>Each Secret parameter's source: its file, checked and read now, or else the terminal, asked only when needed.</summary>
    public static Dictionary<string, SecretSource> ReadSecrets(StepDefinition definition, IReadOnlyDictionary<string, Symbol> symbols, ParseResult result, IInteraction io)
    {
        var secrets = new Dictionary<string, SecretSource>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters.Where(p => p.Kind == ParameterKind.Secret))
        {
            if (result.GetValue((Option<string?>)symbols[parameter.Name]) is { } file)
            {
                var secret = SecretFile.Read("--" + parameter.Name, file);
                secrets[parameter.Name] = _ => secret;
            }
            else
            {
                secrets[parameter.Name] = prompt => io.Secret(prompt) is { Length: > 0 } typed ? new SecretText(typed) : null;
            }
        }
        return secrets;
    }
}
