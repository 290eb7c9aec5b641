namespace Slate.Lab.Juju;

/// <summary>One flag of a juju command: its long name, optional one-letter alias, and whether it takes no value.</summary>
internal sealed record LabJujuFlag(string Name, char? Short = null, bool IsBool = false);

/// <summary>
/// Juju's flag syntax (gnuflag): <c>--name value</c>, <c>--name=value</c>, <c>-m value</c>, booleans as
/// <c>--force</c> or <c>--force=false</c>, flags and positional arguments interleaved, <c>--</c> ends the flags.
/// </summary>
internal sealed class LabJujuFlags
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private LabJujuFlags(List<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.GetValueOrDefault(name) is "true" or "1";

    /// <exception cref="LabJujuError">An unknown flag, or a flag without its value (exit 2).</exception>
    public static LabJujuFlags Parse(IReadOnlyList<string> args, IReadOnlyList<LabJujuFlag> known)
    {
        var positionals = new List<string>();
        var flags = new LabJujuFlags(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                positionals.Add(arg);
                continue;
            }
            var body = arg.TrimStart('-');
            var equals = body.IndexOf('=');
            var name = equals < 0 ? body : body[..equals];
            var flag = known.FirstOrDefault(f => arg.StartsWith("--", StringComparison.Ordinal)
                ? f.Name == name
                : f.Short is { } s && name.Length == 1 && name[0] == s)
                ?? throw LabJujuError.Usage($"option provided but not defined: {arg[..(arg.Length - body.Length + name.Length)]}");
            string value;
            if (equals >= 0) value = body[(equals + 1)..];
            else if (flag.IsBool) value = "true";
            else if (i + 1 < args.Count) value = args[++i];
            else throw LabJujuError.Usage($"option needs an argument: {arg}");
            if (flag.IsBool && value is not ("true" or "false" or "1" or "0"))
                throw LabJujuError.Usage($"invalid boolean value \"{value}\" for option {arg[..(arg.Length - body.Length + name.Length)]}");
            flags._values[flag.Name] = value;
        }
        return flags;
    }
}
