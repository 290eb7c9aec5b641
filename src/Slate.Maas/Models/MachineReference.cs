namespace Slate.Maas.Models;

/// <summary>The whole answer of <c>vm-hosts/{id}/?op=compose</c>: re-read the machine for anything else.</summary>
public sealed record MachineReference(string SystemId, string ResourceUri);
