namespace Slate.Runbook.Teardown;

/// <summary>
/// Ends juju's own wait in destroy-model at the first signal, but only once juju has said the controller took the
/// request ("Waiting for model to be removed", printed after the DestroyModels call returns, cmd/juju/model/destroy.go):
/// stopping juju before that could lose the request. It passes juju's lines on as the action's progress.
/// </summary>
internal sealed class DestroyModelWait : IProgress<string>, IDisposable
{
    private const string Accepted = "Waiting for model to be removed";

    private readonly IProgress<string> _progress;
    private readonly CancellationToken _stopWaiting;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenRegistration _registration;
    private int _accepted;

    public DestroyModelWait(IProgress<string> progress, CancellationToken stopWaiting)
    {
        (_progress, _stopWaiting) = (progress, stopWaiting);
        _registration = stopWaiting.Register(StopIfAccepted);
    }

    /// <summary>Cancelled when a signal asked to stop waiting and juju had said the request was taken.</summary>
    public CancellationToken Stopped => _stop.Token;

    public void Report(string value)
    {
        _progress.Report(value);
        if (!value.Contains(Accepted, StringComparison.Ordinal))
            return;
        Volatile.Write(ref _accepted, 1);
        StopIfAccepted();
    }

    private void StopIfAccepted()
    {
        if (Volatile.Read(ref _accepted) == 1 && _stopWaiting.IsCancellationRequested)
            _stop.Cancel();
    }

    public void Dispose()
    {
        _registration.Dispose();
        _stop.Dispose();
    }
}
