namespace Slate.Lab.Cloud;

/// <summary>
/// How long the simulated asynchronous MAAS transitions take. Testing follows commissioning and takes as long unless
/// set; disk erasing, a pod VM's decompose and a rack's chassis probe take as long as releasing unless set.
/// </summary>
public sealed record LabTimings(TimeSpan Commissioning, TimeSpan Deploying, TimeSpan Releasing)
{
    public static LabTimings Default { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));

    public TimeSpan Testing { get; init; } = Commissioning;
    public TimeSpan DiskErasing { get; init; } = Releasing;
    public TimeSpan Decomposing { get; init; } = Releasing;

    /// <summary>How long after add_chassis the rack has enlisted the chassis's domains, and again until it asks MAAS to commission them.</summary>
    public TimeSpan ChassisProbe { get; init; } = Releasing;

    /// <summary>How long the rack tries a BMC it cannot drive before MAAS aborts the action (the virsh driver's SSH login).</summary>
    public TimeSpan PowerAttempt { get; init; } = Releasing;

    /// <summary>MAAS's hard-coded Releasing timeout (node_status.py NODE_FAILURE_MONITORED_STATUS_TIMEOUTS).</summary>
    public TimeSpan ReleasingTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>MAAS's node_timeout default for the other monitored statuses (maasservicelayer configurations.py).</summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
