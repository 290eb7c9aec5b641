namespace Slate.Runbook.Ports;

/// <summary>
/// The Juju controller as the runbook sees it. Model names are short names (e.g. <c>openstack</c>); the
/// implementation adds the controller. Every failure is a <see cref="JujuException"/>.
/// </summary>
public interface IJuju
{
    Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default);

    /// <exception cref="JujuException">ModelNotFound:The model does not exist.</exception>
    Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default);

    /// <summary><c>juju status --format=json</c> exactly as juju printed it, for the run folder.</summary>
    /// <exception cref="JujuException">ModelNotFound:The model does not exist.</exception>
    Task<string> StatusJsonAsync(string model, CancellationToken ct = default);

    /// <summary>The model as bundle YAML, as <c>juju export-bundle</c> prints it.</summary>
    /// <exception cref="JujuException">ModelNotFound:The model does not exist.</exception>
    Task<string> ExportBundleAsync(string model, CancellationToken ct = default);

    /// <summary>Destroys the model without prompting; returns once juju reports it removed.</summary>
    /// <param name="progress">Receives each line juju writes to stderr while it waits (<c>Waiting for model to be removed, ...</c>).</param>
    /// <exception cref="JujuException">Invalid:The options are not a valid combination (nothing was run).</exception>
    /// <exception cref="JujuException">ModelNotFound:The model does not exist.</exception>
    Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default);

    /// <exception cref="JujuException">Invalid:The machine id or options are invalid (nothing was run).</exception>
    /// <exception cref="JujuException">ModelNotFound:The model does not exist.</exception>
    Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default);
}
