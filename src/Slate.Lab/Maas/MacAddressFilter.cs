using System.Text.RegularExpressions;

namespace Slate.Lab.Maas;

/// <summary>MAAS's MAC_FIELD_VALIDATOR: six hex pairs separated by colons or dashes, or twelve hex digits.</summary>
internal static partial class MacAddressFilter
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^[0-9a-fA-F]{12}$")]
    private static partial Regex Pattern();
}
