namespace Slate.Runbook.Preflight;

/// <summary>The model the teardown destroys, as Juju has it; Hostname is the MAAS machine its instance-id names.</summary>
public sealed record JujuBaseline(string Model, IReadOnlyList<JujuMachineBaseline> Machines)
{
    /// <summary>The hostnames of the model's LXD containers (the names of the MAAS devices Juju registered for them).</summary>
    public IReadOnlyList<string> ContainerHostnames { get; init; } = [];
}

public sealed record JujuMachineBaseline(string MachineId, string? InstanceId, string? Hostname, string? Status);
