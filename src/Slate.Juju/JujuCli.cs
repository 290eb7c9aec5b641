using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>
/// <see cref="IJuju"/> over the juju command line (<c>--format=json</c>). The executable may be the real juju or any
/// command that answers like it, e.g. <c>slate</c> with leading arguments <c>lab juju</c>.
/// </summary>
public sealed class JujuCli : IJuju
{
    private readonly JujuProcess _process;
    private readonly string? _controller;

    /// <param name="executable">Path or name of the juju executable.</param>
    /// <param name="controller">Controller to address (<c>-m controller:model</c>); null uses juju's current controller.</param>
    /// <param name="timeout">Longest a single juju call may run before it is killed.</param>
    /// <param name="leadingArguments">Arguments placed before every juju command line.</param>
    /// <exception cref="JujuRequestException">The controller name is invalid.</exception>
    public JujuCli(string executable, string? controller, TimeSpan timeout, IReadOnlyList<string>? leadingArguments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _controller = controller is null ? null : JujuArguments.CheckedController(controller);
        _process = new JujuProcess(executable, leadingArguments ?? [], timeout);
    }

    public async Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        JujuModelsJson.Parse(await _process.RunAsync(JujuArguments.Models(_controller), null, cancellationToken));

    public async Task<JujuModelStatus> StatusAsync(string model, CancellationToken cancellationToken = default)
    {
        var args = JujuArguments.Status(JujuArguments.Target(_controller, model));
        return JujuStatusJson.Parse(await _process.RunAsync(args, model, cancellationToken));
    }

    public Task<string> StatusJsonAsync(string model, CancellationToken cancellationToken = default) =>
        _process.RunAsync(JujuArguments.Status(JujuArguments.Target(_controller, model)), model, cancellationToken);

    public Task<string> ExportBundleAsync(string model, CancellationToken cancellationToken = default) =>
        _process.RunAsync(JujuArguments.ExportBundle(JujuArguments.Target(_controller, model)), model, cancellationToken);

    public Task DestroyModelAsync(string model, DestroyOptions options, CancellationToken cancellationToken = default) =>
        _process.RunAsync(JujuArguments.DestroyModel(JujuArguments.Target(_controller, model), options), model, cancellationToken);

    public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken cancellationToken = default) =>
        _process.RunAsync(JujuArguments.RemoveMachine(JujuArguments.Target(_controller, model), machineId, options), model, cancellationToken);
}
