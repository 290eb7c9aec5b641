namespace Slate.Maas.Tests.Support;

/// <summary>Parses an <c>OAuth k="v", …</c> header back into percent-decoded parameters, as a MAAS server would.</summary>
internal static class OAuthHeader
{
    public static IReadOnlyDictionary<string, string> Parse(string? header)
    {
        Assert.NotNull(header);
        Assert.StartsWith("OAuth ", header);
        return header["OAuth ".Length..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1].Trim('"')));
    }

    public static IReadOnlyDictionary<string, string> RawValues(string header) =>
        header["OAuth ".Length..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
}
