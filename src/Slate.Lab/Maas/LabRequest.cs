namespace Slate.Lab.Maas;

/// <summary>One request the lab's MAAS received (for call counting).</summary>
public sealed record LabRequest(string Method, string Path, string? Op);
