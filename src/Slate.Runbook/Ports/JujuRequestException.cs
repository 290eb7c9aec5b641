namespace Slate.Runbook.Ports;

/// <summary>A request refused before anything ran: an invalid model name, machine id or option combination.</summary>
public sealed class JujuRequestException(string message) : JujuException(message);
