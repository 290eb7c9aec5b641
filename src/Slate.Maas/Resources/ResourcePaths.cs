namespace Slate.Maas.Resources;

/// <summary>API paths relative to <c>…/MAAS/api/2.0/</c>; ids are escaped, every path ends in '/'.</summary>
internal static class ResourcePaths
{
    public static string Machine(string systemId) => $"machines/{Id(systemId)}/";

    public static string Interfaces(string systemId) => $"nodes/{Id(systemId)}/interfaces/";

    public static string Interface(string systemId, int interfaceId) => $"{Interfaces(systemId)}{interfaceId}/";

    public static string Vlans(int fabricId) => $"fabrics/{fabricId}/vlans/";

    /// <summary>"." and ".." are refused: escaping keeps them, and as path segments they would address another resource.</summary>
    public static string Id(string id) =>
        string.IsNullOrWhiteSpace(id) || id is "." or ".."
            ? throw new ArgumentException($"'{id}' is not a MAAS id.", nameof(id))
            : Uri.EscapeDataString(id);
}
