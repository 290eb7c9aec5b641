using System.Text;
using System.Text.RegularExpressions;

namespace Slate.Cli.Rendering;

/// <summary>
/// Makes text that came from outside (MAAS answers, juju's stderr, file contents) safe to print: escape sequences and
/// control characters could clear the screen, retitle the terminal or forge lines, so they never reach it.
/// </summary>
internal static partial class TerminalText
{
    /// <summary>The most of one message a one-line error quotes.</summary>
    public const int MaxQuoted = 500;

    /// <summary>The text without escape sequences; every other control character (newlines too) becomes a space.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(IsUnsafe)) return text;
        var withoutSequences = EscapeSequence().Replace(text, "");
        var clean = new StringBuilder(withoutSequences.Length);
        foreach (var c in withoutSequences)
            clean.Append(IsUnsafe(c) ? ' ' : c);
        return clean.ToString();
    }

    /// <summary>One line: lines joined with " | ", cleaned, and cut at <see cref="MaxQuoted"/> characters with an ellipsis.</summary>
    public static string OneLine(string message)
    {
        var head = message.Length > 4 * MaxQuoted ? message[..(4 * MaxQuoted)] : message;
        var line = Clean(string.Join(" | ", head.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        return line.Length > MaxQuoted || head.Length < message.Length ? line[..Math.Min(line.Length, MaxQuoted)] + "…" : line;
    }

    // C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a line appears to say.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), the 8-bit CSI and any other two-character ESC sequence.
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]?|\x9B[0-?]*[ -/]*[@-~]?|\x1B\][^\x07\x1B]*(\x07|\x1B\\)?|\x1B[@-Z\\-_]?")]
    private static partial Regex EscapeSequence();
}
