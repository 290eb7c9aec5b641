namespace Slate.Lab.Cloud;

/// <summary>MAAS's bridge types (BRIDGE_TYPE_CHOICES) and its invalid-choice text (forms/interface.py).</summary>
public static class BridgeTypes
{
    public static string Parse(string? value) => value is null or "" ? "standard"
        : value is "standard" or "ovs" ? value
        : throw LabApiException.Invalid("bridge_type", $"'{value}' is not a valid bridge_type.  It should be one of: 'standard', 'ovs'.");
}
