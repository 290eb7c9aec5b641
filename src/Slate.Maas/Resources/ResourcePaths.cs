namespace Slate.Maas.Resources;

/// <summary>API paths relative to <c>…/MAAS/api/2.0/</c>; ids are escaped, every path ends in '/'.</summary>
internal static class ResourcePaths
{
    public static string Machine(string systemId) => $"machines/{Id(systemId)}/";

    public static string Interfaces(string systemId) => $"nodes/{Id(systemId)}/interfaces/";

    public static string Interface(string systemId, int interfaceId) => $"{Interfaces(systemId)}{interfaceId}/";

    public static string Vlans(int fabricId) => $"fabrics/{fabricId}/vlans/";

    public static string Id(string id) =>
        string.IsNullOrWhiteSpace(id)
            ? throw new ArgumentException("A MAAS id must not be empty.", nameof(id))
            : Uri.EscapeDataString(id);
}
