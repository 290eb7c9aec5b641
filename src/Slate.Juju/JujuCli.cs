using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>
/// <see cref="IJuju"/> over the juju command line (<c>--format=json</c>). The executable may be the real juju or any
/// command that answers like it, e.g. <c>slate</c> with leading arguments <c>lab juju</c>. Juju runs with a minimal
/// environment (<see cref="JujuEnvironment"/>): no MAAS key, MAAS URL or lab token reaches it.
/// </summary>
public sealed class JujuCli : IJuju
{
    /// <summary>How many times a read is run when juju answers it with an ERROR (a controller briefly unreachable).</summary>
    public const int ReadAttempts = 3;

    /// <summary>How long a read (models, status, export-bundle) may run unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromMinutes(2);

    private readonly JujuProcess _process;
    private readonly string? _controller;
    private readonly TimeSpan _changeTimeout;
    private readonly TimeSpan _readTimeout;

    /// <param name="executable">Path or name of the juju executable.</param>
    /// <param name="controller">Controller to address (<c>-m controller:model</c>); null uses juju's current controller.</param>
    /// <param name="changeTimeout">Longest destroy-model or remove-machine may run (waiting included) before it is killed.</param>
    /// <param name="leadingArguments">Arguments placed before every juju command line.</param>
    /// <param name="readTimeout">Longest a read may run; default <see cref="DefaultReadTimeout"/>, never longer than <paramref name="changeTimeout"/>.</param>
    /// <param name="environment">Where juju's allowed variables come from; default this process's environment.</param>
    /// <exception cref="JujuException">Invalid:The controller name is invalid.</exception>
    public JujuCli(
        string executable, string? controller, TimeSpan changeTimeout, IReadOnlyList<string>? leadingArguments = null,
        TimeSpan? readTimeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(changeTimeout, TimeSpan.Zero);
        if (readTimeout is { } read) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(read, TimeSpan.Zero);
        _controller = controller is null ? null : JujuArguments.CheckedController(controller);
        _changeTimeout = changeTimeout;
        _readTimeout = readTimeout ?? (DefaultReadTimeout < changeTimeout ? DefaultReadTimeout : changeTimeout);
        _process = new JujuProcess(executable, leadingArguments ?? [], JujuEnvironment.For(environment ?? JujuEnvironment.OfThisProcess()));
    }

    public async Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) =>
        JujuModelsJson.Parse(await ReadAsync(JujuArguments.Models(_controller), null, ct));

    public async Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default) =>
        JujuStatusJson.Parse(await ReadAsync(JujuArguments.Status(JujuArguments.Target(_controller, model)), model, ct));

    public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) =>
        ReadAsync(JujuArguments.Status(JujuArguments.Target(_controller, model)), model, ct);

    public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) =>
        ReadAsync(JujuArguments.ExportBundle(JujuArguments.Target(_controller, model)), model, ct);

    public Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default) =>
        _process.RunAsync(JujuArguments.DestroyModel(JujuArguments.Target(_controller, model), options), model, _changeTimeout, progress, ct);

    public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default) =>
        _process.RunAsync(
            JujuArguments.RemoveMachine(JujuArguments.Target(_controller, model), machineId, options), model, _changeTimeout, null, ct);

    /// <summary>
    /// A read, run again (up to <see cref="ReadAttempts"/> times, a second apart) when juju ran and answered ERROR: a read
    /// changes nothing, so asking again is safe, as the MAAS client does for its reads. A model that is not found, a
    /// timeout or a juju that cannot start is not asked again.
    /// </summary>
    private async Task<string> ReadAsync(IReadOnlyList<string> arguments, string? model, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _process.RunAsync(arguments, model, _readTimeout, null, ct).ConfigureAwait(false);
            }
            catch (JujuException e) when (e is { Failure: JujuFailure.CommandFailed, ExitCode: > 0 } && attempt < ReadAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
        }
    }
}
