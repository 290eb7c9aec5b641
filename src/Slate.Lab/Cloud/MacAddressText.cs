namespace Slate.Lab.Cloud;

/// <summary>The colon-separated MAC address form MAAS accepts.</summary>
internal static class MacAddressText
{
    public static bool IsValid(string value) =>
        value.Length == 17 && value.Select((c, i) => i % 3 == 2 ? c == ':' : Uri.IsHexDigit(c)).All(ok => ok);
}
