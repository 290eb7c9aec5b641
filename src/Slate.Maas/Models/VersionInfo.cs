namespace Slate.Maas.Models;

public sealed record VersionInfo
{
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public string Version { get; init; } = "";
    public string Subversion { get; init; } = "";
}
