namespace Slate.Runbook.Carve;

/// <summary>One difference between a host's interface tree and Pattern A, as the one MAAS write that removes it.</summary>
public sealed record CarveChange(CarveAction Action, string Expected, string Observed)
{
    /// <summary>The interface's name.</summary>
    public string Interface => Action.Interface;
}
