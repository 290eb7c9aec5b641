using System.Text;

namespace Slate.Lab.Juju;

/// <summary>
/// Writes an executable <c>juju</c> that hands every call to <c>slate lab juju</c>, so the real juju adapter can run
/// the lab's juju as a process exactly as it runs the real one.
/// </summary>
public static class LabJujuShim
{
    /// <param name="directory">Where to write <c>juju</c> (created if missing).</param>
    /// <param name="executable">The slate binary, or <c>dotnet</c> for a framework-dependent build.</param>
    /// <param name="leadingArguments">Arguments before <c>lab juju</c>, e.g. the path of slate.dll after dotnet.</param>
    /// <param name="lab">
    /// Pins one lab (URL and token) into the script instead of reading SLATE_LAB_URL/SLATE_LAB_TOKEN from the caller's
    /// environment. The file is then readable by its owner only, as the token is a secret.
    /// </param>
    /// <returns>The path of the written script.</returns>
    public static string Write(string directory, string executable, IReadOnlyList<string> leadingArguments, (Uri Url, string Token)? lab = null)
    {
        Directory.CreateDirectory(directory);
        var script = new StringBuilder("#!/bin/sh\n# juju for the Slate lab: every call is answered by 'slate lab juju' from the lab's state.\n");
        if (lab is { } pinned)
        {
            script.Append($"{LabVariables.Url}={Quote(pinned.Url.ToString())}; export {LabVariables.Url}\n");
            script.Append($"{LabVariables.Token}={Quote(pinned.Token)}; export {LabVariables.Token}\n");
        }
        script.Append("exec ").AppendJoin(' ', new[] { executable }.Concat(leadingArguments).Select(Quote)).Append(" lab juju \"$@\"\n");

        var path = Path.Combine(directory, "juju");
        var temporary = path + ".tmp";
        // A fresh file, owner-only from its first byte (it may hold the token): a leftover or planted juju.tmp,
        // symlink included, is removed rather than written through.
        File.Delete(temporary);
        using (var file = new FileStream(temporary, CreateNew()))
        using (var writer = new StreamWriter(file))
            writer.Write(script.ToString());
        // Renamed into place so that a shell never runs a half-written script.
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static FileStreamOptions CreateNew()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        return options;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
