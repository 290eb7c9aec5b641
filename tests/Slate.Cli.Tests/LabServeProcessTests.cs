using System.Diagnostics;
using Slate.Cli.Journal;

namespace Slate.Cli.Tests;

/// <summary>
/// The issue's operator flow with real processes: `slate lab serve` in one "terminal", its export lines pasted into
/// another, where `slate preflight` runs against the served lab over loopback (MAAS API and lab+http hypervisor).
/// </summary>
public sealed class LabServeProcessTests : IAsyncLifetime
{
    private Process _serve = null!;
    private Dictionary<string, string> _exports = null!;

    public async Task InitializeAsync()
    {
        _serve = Start(new Dictionary<string, string>(), "lab", "serve", "--port", "0");
        _exports = await ExportsAsync(_serve);
    }

    /// <summary>The export lines a starting `slate lab serve` prints, as name and value.</summary>
    internal static async Task<Dictionary<string, string>> ExportsAsync(Process serve)
    {
        var exports = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!exports.ContainsKey("SLATE_LIBVIRT_URI"))
        {
            var line = await serve.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("slate lab serve ended early: " + await serve.StandardError.ReadToEndAsync());
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                var (name, value) = (line[7..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
                exports[name] = value;
            }
        }
        return exports;
    }

    public async Task DisposeAsync()
    {
        if (!_serve.HasExited) _serve.Kill(entireProcessTree: true);
        await _serve.WaitForExitAsync();
        _serve.Dispose();
    }

    [Fact]
    public async Task Preflight_in_another_process_prints_the_labs_baseline()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/MAAS/$", _exports["MAAS_URL"]);
        Assert.Matches(@"^lab\+http://127\.0\.0\.1:\d+/$", _exports["SLATE_LIBVIRT_URI"]);

        var (code, stdout, stderr) = await RunAsync(_exports, "preflight");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("MAAS 'caracal-testcloud'", stdout);
        Assert.Matches(@"openstack3\s+host\s+[a-z0-9]{6}\s+Deployed\s+on", stdout);
        Assert.Matches(@"openstack1\s+running\s+/var/lib/libvirt/images/openstack1-1\.qcow2\s+libvirt-qemu:kvm\s+644", stdout);
        Assert.Matches(@"\b2\s+[a-z0-9]{6}\s+openstack2\s+started", stdout);
        Assert.DoesNotContain(_exports["MAAS_API_KEY"].Split(':')[2], stdout + stderr);
        Assert.Matches(@"^# \d\d:\d\d:\d\d juju: status -m .*openstack$", await NextServeLineAsync(l => l.Contains("juju: status", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sigterm_stops_the_lab_cleanly()
    {
        using var kill = Process.Start("kill", ["-TERM", _serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await _serve.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, _serve.ExitCode);
        Assert.Equal("# lab stopped", await NextServeLineAsync(l => l.StartsWith("# lab", StringComparison.Ordinal)));
    }

    /// <summary>The serving terminal narrates what the lab does; waits for the first line that matches.</summary>
    private async Task<string> NextServeLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await _serve.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("slate lab serve ended");
            if (match(line)) return line;
        }
    }

    [Fact]
    public async Task A_site_file_naming_another_maas_gets_exit_4()
    {
        var other = Path.Combine(Path.GetTempPath(), $"other-cloud-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(_exports["SLATE_SITE"]))
            .Replace("maas_name: caracal-testcloud", "maas_name: roosevelt", StringComparison.Ordinal));
        try
        {
            var (code, stdout, stderr) = await RunAsync(_exports, "preflight", "--site", other);

            Assert.Equal(4, code);
            Assert.Equal("", stdout);
            Assert.StartsWith("slate: refusing: this MAAS calls itself 'caracal-testcloud'", stderr);
        }
        finally
        {
            File.Delete(other);
        }
    }

    [Theory]
    [InlineData("KILL", "started", 137, JournalRun.InDoubtText)]
    [InlineData("TERM", "interrupted", 143, "interrupted: stopped before this action; 1 action(s) not started")] // SIGINT takes the same path, but a background test run may inherit it ignored
    public async Task A_teardown_stopped_mid_apply_leaves_a_journal_that_says_what_may_have_happened_and_the_next_run_finishes(
        string signal, string lastEvent, int exitCode, string shownEnding)
    {
        var journal = Path.Combine(Path.GetTempPath(), $"slate-journal-{Guid.NewGuid():N}", "journal.jsonl");
        try
        {
            using var teardown = Start(_exports, "teardown", "--apply", "--confirm", "openstack", "--journal", journal);
            var stdout = teardown.StandardOutput.ReadToEndAsync();
            var stderr = teardown.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // The journal is flushed before each action starts: signal the process as soon as destroy-model has begun.
            while (!(File.Exists(journal) && File.ReadAllText(journal).Contains("\"action\":\"destroy-model\"", StringComparison.Ordinal)))
            {
                Assert.False(teardown.HasExited, "the teardown ended before destroy-model started");
                await Task.Delay(20, timeout.Token);
            }
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, teardown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!)
            {
                await kill.WaitForExitAsync(timeout.Token);
                Assert.True(kill.ExitCode == 0, $"kill -s {signal} {teardown.Id}: {await kill.StandardError.ReadToEndAsync()}");
            }
            await teardown.WaitForExitAsync(timeout.Token);
            var rest = await stdout;

            Assert.True(exitCode == teardown.ExitCode, rest + await stderr);
            var events = File.ReadAllLines(journal).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                .Select(e => e.GetProperty("event").GetString() + (e.TryGetProperty("action", out var a) ? " " + a.GetString() : "")).ToList();
            Assert.Equal(["confirmed", "plan", "started capture-model", "capture capture-model", "capture capture-model", "done capture-model", "started destroy-model"], events.Take(7));
            Assert.StartsWith(lastEvent, events[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("started delete-machine", events);

            var (again, output, errors) = await RunAsync(_exports, "teardown", "--apply", "--confirm", "openstack", "--journal", journal);

            Assert.True(again == 0, output + errors);
            // 13 checks and one per container device still in MAAS when the re-run planned (gone devices are not tracked)
            Assert.Matches(@"PASS — all (1[3-9]|2[0-2]) checks", output);

            var (shown, log, _) = await RunAsync(_exports, "journal", "--journal", journal);

            Assert.Equal(0, shown);
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"Journal {journal}: 2 run(s)", lines[0]);
            Assert.Equal(["   " + shownEnding, "   gate green"], lines.Where(l => l.StartsWith("   gate", StringComparison.Ordinal) || l == "   " + shownEnding));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(journal)!, recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_while_slate_waits_at_the_confirmation_prompt_ends_it_at_once_with_143_journalled_as_a_refusal()
    {
        // Reading the operator's typed confirmation from a terminal never ends by itself: the prompt is left behind, and
        // the run refuses (nothing was confirmed) as soon as the signal comes, before Program's grace timer would end it.
        using var terminal = new PseudoTerminal();
        var folder = Directory.CreateTempSubdirectory("slate-grace-").FullName;
        var (journal, errors) = (Path.Combine(folder, "journal.jsonl"), Path.Combine(folder, "stderr"));
        try
        {
            using var teardown = Start($"< '{terminal.SlavePath}' 2> '{errors}'", _exports, "teardown", "--apply", "--journal", journal);
            var stdout = teardown.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // The prompt ends without a newline; stderr goes to a file so that it can be seen as soon as it is written.
            while (!(File.Exists(errors) && File.ReadAllText(errors).EndsWith(": ", StringComparison.Ordinal)))
            {
                Assert.False(teardown.HasExited, "slate ended before it asked for the confirmation: " + (File.Exists(errors) ? File.ReadAllText(errors) : ""));
                await Task.Delay(20, timeout.Token);
            }
            var prompt = File.ReadAllText(errors);

            using (var kill = Process.Start("kill", ["-TERM", teardown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(timeout.Token);
            await teardown.WaitForExitAsync(timeout.Token);

            Assert.Equal(143, teardown.ExitCode);
            Assert.EndsWith("Type the model name to continue: ", prompt, StringComparison.Ordinal);
            Assert.Equal(prompt, File.ReadAllText(errors));
            var output = await stdout;
            Assert.Contains("Interrupted at the confirmation; nothing was changed.", output, StringComparison.Ordinal);
            var refused = Assert.Single(File.ReadAllLines(journal));
            Assert.Contains("\"event\":\"refused\"", refused, StringComparison.Ordinal);
            Assert.Contains("interrupted at the confirmation (a signal)", refused, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the framework-dependent slate with exactly <paramref name="env"/> of the slate variables set.</summary>
    internal static Process Start(IReadOnlyDictionary<string, string> env, params string[] args) => Start(null, env, args);

    /// <summary>Likewise, with shell redirections (e.g. stdin from a terminal) applied to slate's standard streams.</summary>
    internal static Process Start(string? redirections, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var (slate, slateArguments) = SlateExecutable.CommandLine();
        string[] command = [slate, .. slateArguments, .. args];
        var info = redirections is null
            ? new ProcessStartInfo(command[0], command[1..])
            : new ProcessStartInfo("/bin/sh", ["-c", $"exec \"$@\" {redirections}", "sh", .. command]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MAAS_", StringComparison.Ordinal) || k.StartsWith("SLATE_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        foreach (var (name, value) in env) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var process = Start(env, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
