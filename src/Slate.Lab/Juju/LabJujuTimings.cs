namespace Slate.Lab.Juju;

/// <summary>
/// How long each stage of juju's model destruction takes on the lab clock. Juju removes the units (and with them the
/// applications and their storage) first, then each machine (its instance released in MAAS), and the model last
/// once it holds nothing.
/// </summary>
/// <param name="UnitRemoval">From destroy-model until the units and applications are gone and the machines turn dying.</param>
/// <param name="MachineRemoval">From a machine turning dying until it leaves the model (its MAAS release has been asked for).</param>
/// <param name="ModelRemoval">From the model's last machine leaving until the model is no longer listed.</param>
public sealed record LabJujuTimings(TimeSpan UnitRemoval, TimeSpan MachineRemoval, TimeSpan ModelRemoval)
{
    public static LabJujuTimings Default { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

    /// <summary>Every stage done at the first look after destroy-model.</summary>
    public static LabJujuTimings Immediate { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan Total => UnitRemoval + MachineRemoval + ModelRemoval;
}
