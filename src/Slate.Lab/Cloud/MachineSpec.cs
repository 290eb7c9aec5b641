namespace Slate.Lab.Cloud;

/// <summary>What `POST machines/` carries.</summary>
public sealed record MachineSpec(
    string? Hostname,
    string? Architecture,
    IReadOnlyList<string> MacAddresses,
    string PowerType,
    IReadOnlyDictionary<string, string> PowerParameters,
    bool Commission);
