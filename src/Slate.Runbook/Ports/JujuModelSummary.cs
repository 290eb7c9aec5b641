namespace Slate.Runbook.Ports;

/// <summary>One entry of <c>juju models</c>. Name is qualified (<c>admin/openstack</c>), ShortName is not.</summary>
/// <param name="Life"><c>alive</c>, <c>dying</c> or <c>dead</c>; a model being destroyed stays listed as dying.</param>
/// <param name="Uuid">The model UUID: MAAS machines allocated by this model carry it as owner data <c>juju-model-uuid</c>.</param>
public sealed record JujuModelSummary(string Name, string ShortName, string? Uuid, string? Life, JujuStatusValue? Status, bool IsController);
