namespace Slate.Runbook.Ports;

public static class DomainStates
{
    /// <summary>The words virsh domstate prints, so operators see what the runbook shows.</summary>
    public static string Describe(DomainState state) => state switch
    {
        DomainState.Running => "running",
        DomainState.ShutOff => "shut off",
        DomainState.Paused => "paused",
        DomainState.Blocked => "idle",
        DomainState.ShuttingDown => "in shutdown",
        DomainState.Crashed => "crashed",
        DomainState.Suspended => "pmsuspended",
        _ => "no state",
    };
}
