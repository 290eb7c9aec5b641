namespace Slate.Maas.Http;

/// <summary>Ordered form/query parameters; a list becomes repeated keys, as MAAS expects.</summary>
internal sealed class MaasForm
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public MaasForm Add(string key, string? value)
    {
        if (value is not null) _pairs.Add(new(key, value));
        return this;
    }

    public MaasForm Add(string key, int? value) =>
        Add(key, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public MaasForm Add(string key, bool? value) => Add(key, value switch { true => "true", false => "false", null => null });

    public MaasForm AddEach(string key, IEnumerable<string>? values)
    {
        foreach (var value in values ?? []) Add(key, value);
        return this;
    }

    public string ToQueryString() =>
        string.Join("&", _pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    public FormUrlEncodedContent ToContent() => new(_pairs);
}
