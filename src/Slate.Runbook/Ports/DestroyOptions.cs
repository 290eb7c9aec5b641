namespace Slate.Runbook.Ports;

/// <summary>
/// Flags of <c>juju destroy-model</c> (always run with <c>--no-prompt</c>). A model with storage needs one of
/// DestroyStorage and ReleaseStorage (never both). Timeout and NoWait are only valid with Force; a Timeout with Force
/// lets juju drop the model record while cloud resources may remain.
/// </summary>
public sealed record DestroyOptions(
    bool DestroyStorage = false, bool Force = false, TimeSpan? Timeout = null, bool NoWait = false, bool ReleaseStorage = false);
