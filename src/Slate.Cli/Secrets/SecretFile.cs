using Slate.Runbook.Core;

namespace Slate.Cli.Secrets;

/// <summary>
/// A secret read from a file the operator named (--password-file): refused unless it is a regular file of theirs that
/// no one else may read or write (mode 0600 or stricter), as ssh treats a private key. The refusal never shows the content.
/// </summary>
internal static class SecretFile
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="CliInputException">The file is missing, not a regular file, open to others, someone else's, or empty.</exception>
    public static SecretText Read(string flag, string path)
    {
        if (FileStatus.Of(path, out var error) is not { } status)
            throw new CliInputException($"{flag} {path}: {error}");
        if (!status.IsRegular)
            throw new CliInputException($"{flag} {path}: not a regular file (a symlink, directory or device is refused)");
        if ((status.Permissions & GroupOrOthers) != 0)
            throw new CliInputException($"{flag} {path}: mode {Convert.ToString((int)status.Permissions, 8)} lets others at it; chmod 600 it");
        if (status.OwnerId != FileStatus.EffectiveUserId)
            throw new CliInputException($"{flag} {path}: owned by uid {status.OwnerId}, not by you (uid {FileStatus.EffectiveUserId})");
        var text = File.ReadAllText(path).TrimEnd('\r', '\n');
        return text.Length > 0 ? new SecretText(text) : throw new CliInputException($"{flag} {path}: the file is empty");
    }
}
