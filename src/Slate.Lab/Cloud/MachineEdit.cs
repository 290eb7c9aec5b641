namespace Slate.Lab.Cloud;

/// <summary>`PUT machines/{id}/`; null = unchanged. Power parameters given are merged into the machine's.</summary>
public sealed record MachineEdit(string? Hostname, string? Description, string? PowerType, IReadOnlyDictionary<string, string> PowerParameters);
