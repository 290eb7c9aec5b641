namespace Slate.Runbook.BundleCheck;

/// <summary>A Juju 3 bundle after its overlays were merged in.</summary>
public sealed record Bundle(
    IReadOnlyDictionary<string, BundleApplication> Applications,
    IReadOnlyDictionary<string, BundleMachine> Machines,
    IReadOnlyList<BundleRelation> Relations,
    IReadOnlyDictionary<string, string> Saas,
    string? Series,
    string? DefaultBase)
{
    /// <summary>The applications whose charm is <paramref name="charmName"/>, whatever the application is called.</summary>
    public IEnumerable<BundleApplication> ByCharm(string charmName) =>
        Applications.Values.Where(a => a.CharmName == charmName);

    /// <summary>The applications related to <paramref name="application"/> by any relation.</summary>
    public IEnumerable<BundleApplication> RelatedTo(string application) =>
        Relations.SelectMany(r => r.A.Application == application ? [r.B.Application]
                : r.B.Application == application ? [r.A.Application] : Array.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .Where(Applications.ContainsKey)
            .Select(name => Applications[name]);
}

public sealed record BundleApplication(
    string Name,
    string Charm,
    string? Channel,
    int? Revision,
    string? Series,
    string? Base,
    int NumUnits,
    IReadOnlyList<string> To,
    IReadOnlyDictionary<string, string?> Options,
    IReadOnlyDictionary<string, string> Bindings,
    IReadOnlyDictionary<string, BundleResource> Resources,
    string? Constraints,
    IReadOnlyDictionary<string, string?> Storage,
    IReadOnlyDictionary<string, string?> Annotations,
    bool Expose,
    bool Trust)
{
    /// <summary>The bare charm name: no ch:/cs: prefix, no owner or path, no legacy -N revision suffix.</summary>
    public string CharmName => BundleCharm.NameOf(Charm);

    /// <summary>The space of endpoints without their own binding (the <c>""</c> key), if any.</summary>
    public string? DefaultSpace => Bindings.GetValueOrDefault("");

    public string? Option(string name) => Options.GetValueOrDefault(name);
}

/// <summary>A resource: a charm revision number, or a file path relative to the file that declared it.</summary>
public sealed record BundleResource(string Value, bool IsRevision, string DeclaredIn);

public sealed record BundleMachine(string Id, string? Constraints, string? Series, string? Base);

/// <summary>One side of a relation: <c>app:endpoint</c>, or a bare <c>app</c> whose endpoint Juju infers.</summary>
public sealed record BundleEndpoint(string Application, string? Endpoint)
{
    public static BundleEndpoint Parse(string text) => text.IndexOf(':') is var colon and >= 0
        ? new(text[..colon], text[(colon + 1)..])
        : new(text, null);

    public override string ToString() => Endpoint is null ? Application : $"{Application}:{Endpoint}";
}

public sealed record BundleRelation(BundleEndpoint A, BundleEndpoint B)
{
    public override string ToString() => $"{A} <-> {B}";
}
