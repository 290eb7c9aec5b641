namespace Slate.Runbook.Ports;

/// <summary>Flags of <c>juju remove-machine</c> (always run with <c>--no-prompt</c>). NoWait is only valid with Force.</summary>
public sealed record RemoveOptions(bool KeepInstance = false, bool Force = false, bool NoWait = false);
