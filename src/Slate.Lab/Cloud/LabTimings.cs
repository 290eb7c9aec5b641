namespace Slate.Lab.Cloud;

/// <summary>How long the simulated asynchronous MAAS transitions take.</summary>
public sealed record LabTimings(TimeSpan Commissioning, TimeSpan Deploying, TimeSpan Releasing)
{
    public static LabTimings Default { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
}
