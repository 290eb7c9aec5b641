using System.Diagnostics;
using Slate.Cli.Journal;
using Slate.Lab;
using Slate.Lab.Maas;
using Slate.Runbook.Ports;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// This slate run as its own process against a served lab, exactly as an operator runs it from a second shell (the
/// lab's exports, the journal named), and killed with SIGKILL at a <see cref="CrashPoint"/> when asked: the lab's tap
/// sees each call arrive, and the journal says which of the step's actions is running.
/// </summary>
internal sealed class CrashChild(RehearsalLab lab, string folder, string sitePath, string journal)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Runs slate with <paramref name="arguments"/>, killing it at <paramref name="point"/> of step <paramref name="step"/>'s
    /// run (the journal's entries after the first <paramref name="offset"/>); says where the kill landed (null: never) and how many
    /// calls reached the lab during each action.
    /// </summary>
    public async Task<CrashChildRun> RunAsync(IReadOnlyList<string> arguments, string step, int offset, CrashPoint? point, CancellationToken ct)
    {
        using var process = Start(arguments);
        var gate = new object();
        var calls = new Dictionary<int, int>();
        string? landed = null;
        void Kill()
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        LabCallFate Decide(string? call)
        {
            lock (gate)
            {
                var (started, ended) = Progress(step, offset);
                var running = started == ended + 1 ? started : 0;
                if (call is not null && running > 0)
                    calls[running] = calls.GetValueOrDefault(running) + 1;
                if (point is null || landed is not null)
                    return LabCallFate.Serve;
                if (point.Call is { } at)
                {
                    if (running != point.Action || calls[running] != at)
                        return LabCallFate.Serve;
                    landed = $"at {call}";
                    return new LabCallFate(true, Kill);
                }
                if (ended < point.Action)
                    return LabCallFate.Serve;
                Kill();
                landed = call is null ? "between calls" : $"before {call}";
                return LabCallFate.Drop;
            }
        }
        lab.Server.Tap = call => Decide(call);
        try
        {
            var finished = FinishAsync(process, ct);
            while (!finished.IsCompleted)
            {
                if (point is { Call: null })
                    Decide(null);
                await Task.WhenAny(finished, Task.Delay(Poll, ct)).ConfigureAwait(false);
            }
            var (exit, output) = await finished.ConfigureAwait(false);
            lock (gate)
                return new CrashChildRun(exit, output, landed, new Dictionary<int, int>(calls));
        }
        finally
        {
            lab.Server.Tap = null;
        }
    }

    /// <summary>How many of the step's actions have started and ended in the journal since its first <paramref name="offset"/> entries.</summary>
    private (int Started, int Ended) Progress(string step, int offset)
    {
        if (!File.Exists(journal))
            return (0, 0);
        var entries = JsonLinesJournal.Read(journal).Entries.Skip(offset).Where(e => e.Step == step).ToList();
        return (entries.Count(e => e.Event == JournalEvent.Started), entries.Count(e => e.Event.IsOutcome()));
    }

    private Process Start(IReadOnlyList<string> arguments)
    {
        var (slate, leading) = SlateExecutable.CommandLine();
        var info = new ProcessStartInfo(slate)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in leading.Concat(arguments).Concat(["--journal", journal]))
            info.ArgumentList.Add(argument);
        foreach (var name in new[] { SlateVariables.Journal, LabVariables.Url })
            info.Environment.Remove(name);
        info.Environment["MAAS_URL"] = lab.Server.MaasUrl.ToString();
        info.Environment["MAAS_API_KEY"] = lab.Server.ApiKey;
        info.Environment[SlateVariables.Site] = sitePath;
        info.Environment[SlateVariables.Juju] = Path.Combine(folder, "bin", "juju");
        info.Environment[SlateVariables.LibvirtUri] = lab.Server.HypervisorUri;
        info.Environment[LabVariables.Token] = lab.Server.LabToken;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {slate}");
        process.StandardInput.Close();
        return process;
    }

    private static async Task<(int ExitCode, string Output)> FinishAsync(Process process, CancellationToken ct)
    {
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await errors.ConfigureAwait(false));
    }
}

/// <summary>One slate process of a crash rehearsal: its exit code and output, where it was killed, and the calls each action made.</summary>
internal sealed record CrashChildRun(int ExitCode, string Output, string? Landed, IReadOnlyDictionary<int, int> CallsPerAction);
