namespace Slate.Lab;

/// <summary>The environment variables through which a served lab is reached; `slate lab serve` prints both.</summary>
public static class LabVariables
{
    public const string Url = "SLATE_LAB_URL";
    public const string Token = "SLATE_LAB_TOKEN";
}
