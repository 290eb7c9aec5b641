
namespace Slate.Juju.Tests;

/// <summary>
/// A real process standing in for juju: a symlink named juju in a fresh temp directory pointing at
/// Fixtures/dummy-juju.sh, which reads its answer from files in that directory and records its argv there.
/// The script itself is never rewritten, so no test can hit "text file busy".
/// </summary>
internal sealed class DummyJuju : IDisposable
{
    private static readonly Lazy<string> Script = new(() =>
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the dummy juju is a bash script and needs Linux");
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dummy-juju.sh");
        if (!File.Exists(path))
            throw new FileNotFoundException($"dummy juju script missing from the test output: {path}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    });

    public DummyJuju()
    {
        Dir = Directory.CreateTempSubdirectory("slate-juju-").FullName;
        File.CreateSymbolicLink(Executable, Script.Value);
    }

    public string Dir { get; }

    public string Executable => Path.Combine(Dir, "juju");

    public bool Ran => File.Exists(ArgvFile);

    /// <summary>The arguments of the last run (without the executable).</summary>
    public IReadOnlyList<string> Argv =>
        Ran ? File.ReadAllText(ArgvFile).Split('\0')[..^1] : throw new InvalidOperationException("the dummy juju never ran");

    /// <summary>The process id of a hanging run.</summary>
    public int HangingPid => int.Parse(File.ReadAllText(Path.Combine(Dir, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private string ArgvFile => Path.Combine(Dir, "argv");

    public DummyJuju Answers(string stdout = "", string stderr = "", int exitCode = 0)
    {
        File.WriteAllText(Path.Combine(Dir, "stdout"), stdout);
        File.WriteAllText(Path.Combine(Dir, "stderr"), stderr);
        File.WriteAllText(Path.Combine(Dir, "exit-code"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>The first <paramref name="runs"/> runs fail with an ERROR, as a controller briefly unreachable.</summary>
    public DummyJuju FailsFirst(int runs)
    {
        File.WriteAllText(Path.Combine(Dir, "fail-first"), runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>How many times juju was run.</summary>
    public int Runs => File.Exists(Path.Combine(Dir, "runs")) ? int.Parse(File.ReadAllText(Path.Combine(Dir, "runs")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public DummyJuju Hangs()
    {
        File.WriteAllText(Path.Combine(Dir, "hang"), "");
        return this;
    }

    /// <summary>The environment of the last run, without what bash itself sets (PWD, SHLVL, _).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        File.ReadAllText(Path.Combine(Dir, "env")).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair[0] is not ("PWD" or "SHLVL" or "_" or "OLDPWD"))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    public JujuCli Cli(
        string? controller = "maas-ctrl", TimeSpan? timeout = null, IReadOnlyList<string>? leadingArguments = null,
        TimeSpan? readTimeout = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(Executable, controller, timeout ?? TimeSpan.FromSeconds(30), leadingArguments, readTimeout, environment);

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
