using Slate.Runbook.Ports;

namespace Slate.Lab.Juju;

/// <summary>A destroy-model under way: when it started, with which flags, and the stages it has passed.</summary>
public sealed class LabJujuDestruction(DateTimeOffset started, DestroyOptions options)
{
    public DateTimeOffset Started { get; } = started;
    public DestroyOptions Options { get; } = options;

    /// <summary>When <c>--force --timeout</c> drops the model whatever is left.</summary>
    public DateTimeOffset? ForcedRemoval { get; set; }

    /// <summary>When the units and applications went (null until they have).</summary>
    public DateTimeOffset? UnitsRemoved { get; set; }

    /// <summary>When the model's last machine left it (null while it holds any).</summary>
    public DateTimeOffset? MachinesRemoved { get; set; }
}
