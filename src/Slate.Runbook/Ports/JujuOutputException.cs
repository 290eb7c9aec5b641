namespace Slate.Runbook.Ports;

/// <summary>Juju exited 0 but printed something that is not the JSON we expected.</summary>
public sealed class JujuOutputException(string message, Exception? inner = null) : JujuException(message, inner);
