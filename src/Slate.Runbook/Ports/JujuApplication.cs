namespace Slate.Runbook.Ports;

public sealed record JujuApplication(
    string Name,
    string? Charm,
    JujuStatusValue? Status,
    IReadOnlyList<JujuUnit> Units,
    IReadOnlyList<JujuRelation> Relations,
    IReadOnlyList<string> SubordinateTo);

/// <summary>A unit; subordinate units appear under their principal's <see cref="Subordinates"/> and have no machine of their own.</summary>
public sealed record JujuUnit(
    string Name,
    string? Machine,
    string? PublicAddress,
    bool Leader,
    JujuStatusValue? WorkloadStatus,
    JujuStatusValue? AgentStatus,
    IReadOnlyList<JujuUnit> Subordinates);

/// <summary>
/// One related application on one endpoint. Juju 3.x JSON names only the application; newer formatters also give
/// the interface and scope, which are null otherwise.
/// </summary>
public sealed record JujuRelation(string Endpoint, string RelatedApplication, string? Interface, string? Scope);
