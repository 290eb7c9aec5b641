using System.ComponentModel;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>Runs one juju command with an argument array and turns every failure into a <see cref="JujuCommandException"/>.</summary>
internal sealed partial class JujuProcess(string executable, IReadOnlyList<string> leadingArguments, TimeSpan timeout)
{
    private const int StderrTailLines = 20;

    /// <summary>Runs juju and returns its stdout. <paramref name="model"/> names the model the call is about, if any.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, string? model, CancellationToken cancellationToken)
    {
        string[] args = [.. leadingArguments, .. arguments];
        var argv = ArgvMask.Apply([executable, .. args]);
        var shown = string.Join(' ', argv);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(executable)
                .WithArguments(args)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JujuCommandException($"{shown}: no answer within {timeout}; the process was killed", argv, null, "");
        }
        catch (Win32Exception e)
        {
            throw new JujuCommandException($"cannot run the juju executable '{executable}': {e.Message}", argv, null, "", e);
        }

        if (result.ExitCode == 0)
            return result.StandardOutput;

        var tail = Tail(result.StandardError);
        var problem = LastError(result.StandardError) ?? "(nothing on stderr)";
        if (model is not null && ModelNotFound().IsMatch(result.StandardError))
            throw new JujuModelNotFoundException(model, $"juju model '{model}' not found: {problem}", argv, result.ExitCode, tail);
        throw new JujuCommandException($"{shown} exited {result.ExitCode}: {problem}", argv, result.ExitCode, tail);
    }

    private static string Tail(string stderr)
    {
        var lines = stderr.TrimEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - StderrTailLines)));
    }

    // The ERROR line is the cause; WARNING lines and progress text come before it.
    private static string? LastError(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.StartsWith("ERROR ", StringComparison.Ordinal)) ?? lines.LastOrDefault();
    }

    [GeneratedRegex(@"^ERROR model \S+ not found", RegexOptions.Multiline)]
    private static partial Regex ModelNotFound();
}
