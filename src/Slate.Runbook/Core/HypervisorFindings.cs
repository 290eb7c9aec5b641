namespace Slate.Runbook.Core;

/// <summary>What a step says of a hypervisor it could not read: unreachable when even its domains could not be listed, unreadable when what it reads after them failed.</summary>
public static class HypervisorFindings
{
    public static Finding Unreachable(string error) => new(Severity.Fatal, "hypervisor-unreachable", "hypervisor", $"the domains cannot be read: {error}");

    public static Finding Unreadable(string what, string error) => new(Severity.Fatal, "hypervisor-unreadable", "hypervisor", $"{what} cannot be read: {error}");
}
