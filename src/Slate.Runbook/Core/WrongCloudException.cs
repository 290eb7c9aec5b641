namespace Slate.Runbook.Core;

/// <summary>The MAAS answering is not the cloud the site file describes: nothing else may run (exit 4).</summary>
public sealed class WrongCloudException(string expected, string actual)
    : Exception($"refusing: this MAAS calls itself '{actual}' but the site file expects '{expected}' — wrong cloud?")
{
    public string Expected { get; } = expected;
    public string Actual { get; } = actual;
}
