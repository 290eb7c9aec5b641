namespace Slate.Lab.Cloud;

/// <summary>MAAS machine status codes (maascommon NodeStatus).</summary>
public enum NodeStatus
{
    New = 0, Commissioning = 1, FailedCommissioning = 2, Missing = 3, Ready = 4, Reserved = 5, Deployed = 6,
    Retired = 7, Broken = 8, Deploying = 9, Allocated = 10, FailedDeployment = 11, Releasing = 12,
    FailedReleasing = 13, DiskErasing = 14, FailedDiskErasing = 15, RescueMode = 16, EnteringRescueMode = 17,
    FailedEnteringRescueMode = 18, ExitingRescueMode = 19, FailedExitingRescueMode = 20, Testing = 21, FailedTesting = 22,
}

public static class NodeStatusNames
{
    private static readonly string[] Labels =
    [
        "New", "Commissioning", "Failed commissioning", "Missing", "Ready", "Reserved", "Deployed", "Retired", "Broken",
        "Deploying", "Allocated", "Failed deployment", "Releasing", "Releasing failed", "Disk erasing",
        "Failed disk erasing", "Rescue mode", "Entering rescue mode", "Failed to enter rescue mode",
        "Exiting rescue mode", "Failed to exit rescue mode", "Testing", "Failed testing",
    ];

    private static readonly string[] FilterNames =
    [
        "new", "commissioning", "failed_commissioning", "missing", "ready", "reserved", "deployed", "retired", "broken",
        "deploying", "allocated", "failed_deployment", "releasing", "failed_releasing", "disk_erasing",
        "failed_disk_erasing", "rescue_mode", "entering_rescue_mode", "failed_entering_rescue_mode",
        "exiting_rescue_mode", "failed_exiting_rescue_mode", "testing", "failed_testing",
    ];

    /// <summary>The `status_name` MAAS renders (note 13 is "Releasing failed").</summary>
    public static string Label(this NodeStatus status) => Labels[(int)status];

    /// <summary>The enum constant's name MAAS's messages quote (map_enum_reverse(NODE_STATUS)), e.g. FAILED_COMMISSIONING.</summary>
    public static string ConstantName(this NodeStatus status) => FilterNames[(int)status].ToUpperInvariant();

    /// <summary>Parses the lower-case filter vocabulary of `GET machines/?status=`.</summary>
    public static bool TryParseFilter(string value, out NodeStatus status)
    {
        var index = Array.IndexOf(FilterNames, value.ToLowerInvariant());
        status = (NodeStatus)Math.Max(index, 0);
        return index >= 0;
    }
}
