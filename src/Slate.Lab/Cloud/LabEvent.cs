namespace Slate.Lab.Cloud;

/// <summary>One entry of the lab-wide event log (what happened to the simulated cloud, in order).</summary>
public sealed record LabEvent(DateTimeOffset At, string Source, string Message);
