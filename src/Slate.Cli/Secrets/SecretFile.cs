using Slate.Runbook.Core;
using Slate.Runbook.Files;

namespace Slate.Cli.Secrets;

/// <summary>
/// A secret read from a file the operator named (--password-file): refused unless it is a regular file of theirs that
/// no one else may read or write (mode 0600 or stricter), as ssh treats a private key. A symbolic link is refused, and
/// the owner and mode are those of the file opened, not of whatever the path named a moment before. The refusal never
/// shows the content. A password is one line: one line break at its end is dropped; any other control character (NUL,
/// CR, a second line) and a file over 4 KiB are refused, since either is the wrong file or a password MAAS would store
/// as something else.
/// </summary>
internal static class SecretFile
{
    private const long Limit = 4096;

    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="CliInputException">
    /// The file is missing, not a regular file, open to others, someone else's, over 4 KiB, empty, or not one line.
    /// </exception>
    public static SecretText Read(string flag, string path)
    {
        var text = InputFile.ReadText(path, problem => new CliInputException($"{flag} {path}: {problem}"), Limit, followLinks: false, accept: Private);
        text = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
        if (text.Length == 0)
            throw new CliInputException($"{flag} {path}: the file is empty");
        return text.Any(char.IsControl)
            ? throw new CliInputException($"{flag} {path}: holds a control character (NUL, CR or a line break inside); the file holds one password on one line")
            : new SecretText(text);
    }

    private static string? Private(FileStatus status) =>
        (status.Permissions & GroupOrOthers) != 0 ? $"mode {Convert.ToString((int)status.Permissions, 8)} lets others at it; chmod 600 it"
        : OwnFile.Problem(status);
}
