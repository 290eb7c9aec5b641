namespace Slate.Lab.Cloud;

/// <summary>A machine's physical block device as commissioning reports it.</summary>
public sealed record LabBlockDevice(int Id, string Name, long SizeBytes);
