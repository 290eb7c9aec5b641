using System.Text;

namespace Slate.Runbook.Tests.Fuzz;

/// <summary>Seeded random edits of a YAML text: what a careless operator or an attacker might hand to slate.</summary>
internal sealed class InputMutator(int seed)
{
    private static readonly string[] Hostile =
    [
        "*", "~", "\"\"", "\" x \"", "../../etc/shadow", "/dev/zero", "&a", "*a", "*undefined", "<<: *a", "!!binary", "!!python/object",
        "{", "}", "[", "]", ":", "- ", "? ", "|", ">", "%YAML 1.1", "---", "...", "#", "'", "\"", "\t", "\u001b[2J", "\0", "\uFEFF",
        "99999999999999999999", "-1", "0x10", "1e999", ".nan", "null", "yes", "\u202E", new string('a', 5000), new string('[', 300),
    ];

    private readonly Random random = new(seed);

    public string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            switch (random.Next(7))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(random.Next(lines.Count), line); break;
                case 2: lines[at] = Splice(line, Pick()); break;
                case 3: lines[at] = line.Length == 0 ? line : line.Remove(random.Next(line.Length), 1); break;
                case 4: lines[at] = new string(' ', random.Next(8)) + line.TrimStart(); break;
                case 5: lines[at] = ReplaceValue(line, Pick()); break;
                default: lines[at] = Splice(line, RandomChars()); break;
            }
            if (lines.Count == 0) lines.Add("");
        }
        return string.Join('\n', lines);
    }

    private string Pick() => Hostile[random.Next(Hostile.Length)];

    private string Splice(string line, string insert) => line.Insert(random.Next(line.Length + 1), insert);

    private string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? Splice(line, value) : line[..(colon + 2)] + value;
    }

    private string RandomChars()
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--) text.Append((char)random.Next(0, 0x250));
        return text.ToString();
    }
}
