using Slate.Runbook.Core;
using Slate.Runbook.Files;

namespace Slate.Cli.Secrets;

/// <summary>
/// A secret read from a file the operator named (--password-file): refused unless it is a regular file of theirs that
/// no one else may read or write (mode 0600 or stricter), as ssh treats a private key. A symbolic link is refused, and
/// the owner and mode are those of the file opened, not of whatever the path named a moment before. The refusal never
/// shows the content.
/// </summary>
internal static class SecretFile
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="CliInputException">The file is missing, not a regular file, open to others, someone else's, or empty.</exception>
    public static SecretText Read(string flag, string path)
    {
        var text = InputFile.ReadText(path, problem => new CliInputException($"{flag} {path}: {problem}"), followLinks: false, accept: Private)
            .TrimEnd('\r', '\n');
        return text.Length > 0 ? new SecretText(text) : throw new CliInputException($"{flag} {path}: the file is empty");
    }

    private static string? Private(FileStatus status) =>
        (status.Permissions & GroupOrOthers) != 0 ? $"mode {Convert.ToString((int)status.Permissions, 8)} lets others at it; chmod 600 it"
        : status.OwnerId != FileStatus.EffectiveUserId ? $"owned by uid {status.OwnerId}, not by you (uid {FileStatus.EffectiveUserId})"
        : null;
}
