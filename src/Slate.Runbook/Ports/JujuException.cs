namespace Slate.Runbook.Ports;

/// <summary>Anything that went wrong talking to Juju. The message is one line and never holds a secret.</summary>
public abstract class JujuException(string message, Exception? inner = null) : Exception(message, inner);
