using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Preflight;

/// <summary>A Juju answer set for pure step-logic tests: one status per model, or the exception the CLI would raise.</summary>
internal sealed class RecordedJuju(Func<string, JujuModelStatus> status) : IJuju
{
    public static RecordedJuju Without(string model) =>
        new(_ => throw new JujuException(JujuFailure.ModelNotFound, $"model {model} not found") { Model = model, Argv = ["juju", "status"], ExitCode = 1, StderrTail = $"ERROR model {model} not found" });

    public Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default) => Task.FromResult(status(model));

    public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) => throw new NotSupportedException();

    public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) => throw new NotSupportedException();

    public Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default) => throw new NotSupportedException();

    public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default) =>
        throw new NotSupportedException();
}
