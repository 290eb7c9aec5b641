using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>Runs one juju command with an argument array and turns every failure into a <see cref="JujuException"/>.</summary>
/// <param name="environment">The child's variables (see <see cref="JujuEnvironment.For"/>).</param>
internal sealed partial class JujuProcess(string executable, IReadOnlyList<string> leadingArguments, IReadOnlyDictionary<string, string?> environment)
{
    private const int StderrTailLines = 20;

    /// <summary>Runs juju and returns its stdout. <paramref name="model"/> names the model the call is about, if any.</summary>
    /// <param name="timeout">How long the call may run before it is killed.</param>
    /// <param name="progress">Receives each line juju writes to stderr, as it writes it (see <see cref="LiveLines"/>).</param>
    public async Task<string> RunAsync(
        IReadOnlyList<string> arguments, string? model, TimeSpan timeout, IProgress<string>? progress, CancellationToken ct)
    {
        string[] args = [.. leadingArguments, .. arguments];
        var argv = ArgvMask.Apply([executable, .. args]);
        var shown = string.Join(' ', argv);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stderrTarget = PipeTarget.ToStringBuilder(stderr);
        if (progress is not null) stderrTarget = PipeTarget.Merge(stderrTarget, LiveLines.To(progress));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        CommandResult result;
        try
        {
            result = await Cli.Wrap(executable)
                .WithArguments(args)
                .WithEnvironmentVariables(environment)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
                .WithStandardErrorPipe(stderrTarget)
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new JujuException(JujuFailure.CommandFailed, $"{shown}: no answer within {timeout}; the process was killed") { Argv = argv, StderrTail = Tail(stderr.ToString()) };
        }
        catch (Win32Exception e)
        {
            throw new JujuException(JujuFailure.CommandFailed, $"cannot run the juju executable '{executable}': {e.Message}", e) { Argv = argv };
        }

        if (result.ExitCode == 0)
            return stdout.ToString();

        var error = stderr.ToString();
        var tail = Tail(error);
        var problem = LastError(error) ?? "(nothing on stderr)";
        if (model is not null && ModelNotFound().IsMatch(error))
            throw new JujuException(JujuFailure.ModelNotFound, $"juju model '{model}' not found: {problem}") { Model = model, Argv = argv, ExitCode = result.ExitCode, StderrTail = tail };
        throw new JujuException(JujuFailure.CommandFailed, $"{shown} exited {result.ExitCode}: {problem}") { Argv = argv, ExitCode = result.ExitCode, StderrTail = tail };
    }

    private static string Tail(string stderr)
    {
        var lines = stderr.TrimEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - StderrTailLines)));
    }

    // The ERROR line is the cause; WARNING lines and progress text come before it. Juju writes "Destroying model"
    // without a newline, so the error may share that line.
    private static string? LastError(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.Contains("ERROR ", StringComparison.Ordinal));
        return error is null ? lines.LastOrDefault() : error[error.IndexOf("ERROR ", StringComparison.Ordinal)..];
    }

    // Not anchored to the line start: destroy-model's "Destroying model" has no newline before a later error.
    [GeneratedRegex(@"ERROR model \S+ not found")]
    private static partial Regex ModelNotFound();
}
