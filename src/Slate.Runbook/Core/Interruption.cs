namespace Slate.Runbook.Core;

/// <summary>
/// Ctrl-C and SIGTERM as the runner honours them: the first signal lets the running action finish and stops before
/// the next (<see cref="Stop"/>); a second one aborts the running action (<see cref="Abort"/>), which is then journalled
/// as unknown. The exit code is the first signal's (130 for SIGINT, 143 for SIGTERM).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private int _signals;

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Abort => _abort.Token;

    public ExitCode Code { get; private set; } = ExitCode.Interrupted;

    public bool StopRequested => _stop.IsCancellationRequested;

    /// <summary>True while the runner is applying an action: the one time a first signal must wait for something to finish.</summary>
    public bool InAction { get; set; }

    public void Signal(ExitCode code)
    {
        if (Interlocked.Increment(ref _signals) == 1)
        {
            Code = code;
            _stop.Cancel();
        }
        else
        {
            _abort.Cancel();
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _abort.Dispose();
    }
}
