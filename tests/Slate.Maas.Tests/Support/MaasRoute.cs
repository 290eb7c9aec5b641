namespace Slate.Maas.Tests.Support;

/// <summary>
/// One request a test expects: the method, the path under the API root (<c>/MAAS/api/2.0/</c>) and the whole query,
/// repeated keys in order (MAAS reads <c>op</c> and the filters from the query string).
/// </summary>
public sealed record MaasRoute(string Method, string Path, IReadOnlyList<(string Key, string Value)> Query)
{
    private const string ApiRoot = "/MAAS/api/2.0/";

    public static MaasRoute Get(string path, params (string Key, string Value)[] query) => new("GET", path, query);

    public static MaasRoute Post(string path, params (string Key, string Value)[] query) => new("POST", path, query);

    public static MaasRoute Put(string path) => new("PUT", path, []);

    public static MaasRoute Delete(string path) => new("DELETE", path, []);

    public bool Matches(RecordedRequest request)
    {
        if (request.Method != Method || request.Path != ApiRoot + Path) return false;
        var expected = Query.GroupBy(pair => pair.Key).ToDictionary(g => g.Key, g => g.Select(pair => pair.Value).ToArray());
        return expected.Count == request.Query.Count
               && expected.All(pair => request.Query.TryGetValue(pair.Key, out var values) && values.SequenceEqual(pair.Value));
    }
}
