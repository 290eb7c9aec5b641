using System.Text.Json;
using Slate.Maas.Errors;

namespace Slate.Maas.Profiles;

/// <summary>
/// The profiles <c>maas login</c> saves (maascli's ProfileConfig): table
/// <c>profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)</c>, where data is the JSON of
/// <c>{"url": …, "credentials": [consumer, token, secret] | null, "description": …}</c>.
/// </summary>
internal static class MaasCliProfileDatabase
{
    private const int NameColumn = 1;
    private const int DataColumn = 2;

    public static string DefaultPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".maascli.db");

    public static MaasCredentials Read(string path, string name)
    {
        if (!Path.Exists(path))
            throw new MaasConfigurationException(
                $"The maas CLI profile database {path} does not exist; run `maas login {name} URL KEY` first.");
        var rows = SqliteTableReader.ReadRows(path, "profiles");
        var row = rows.FirstOrDefault(r => r[NameColumn] as string == name)
            ?? throw ProfileNotFound(path, name, rows.Select(r => r[NameColumn]).OfType<string>().Order(StringComparer.Ordinal).ToList());
        var where = $"maas CLI profile '{name}' in {path}";
        var (url, apiKey) = ParseData(row[DataColumn], where);
        try
        {
            return new MaasCredentials(url, apiKey);
        }
        catch (MaasConfigurationException e)
        {
            throw new MaasConfigurationException($"{where}: {e.Message}");
        }
    }

    private static MaasConfigurationException ProfileNotFound(string path, string name, IReadOnlyList<string> names) =>
        new(names.Count == 0
            ? $"{path} holds no maas CLI profiles; run `maas login {name} URL KEY` first."
            : $"There is no maas CLI profile '{name}' in {path}; it has: {string.Join(", ", names)}.");

    // maascli writes json.dumps(...) as TEXT, but the column is declared BLOB, so accept either.
    private static (Uri Url, string ApiKey) ParseData(object? data, string where)
    {
        try
        {
            using var json = data switch
            {
                string text => JsonDocument.Parse(text),
                byte[] bytes => JsonDocument.Parse(bytes),
                _ => throw new MaasConfigurationException($"{where} has no JSON data."),
            };
            var profile = json.RootElement;
            if (profile.ValueKind != JsonValueKind.Object)
                throw new MaasConfigurationException($"{where}: its data is not a JSON object.");
            if (!profile.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
                throw new MaasConfigurationException($"{where}: its data has no absolute 'url'.");
            if (!profile.TryGetProperty("credentials", out var credentials))
                throw new MaasConfigurationException($"{where}: its data has no 'credentials'.");
            return (uri, ApiKey(credentials, where));
        }
        catch (JsonException)
        {
            throw new MaasConfigurationException($"{where}: its data is not valid JSON.");
        }
    }

    private static string ApiKey(JsonElement credentials, string where) => credentials.ValueKind switch
    {
        JsonValueKind.String => credentials.GetString()!,
        JsonValueKind.Array when credentials.GetArrayLength() == 3
            && credentials.EnumerateArray().All(part => part.ValueKind == JsonValueKind.String)
            => string.Join(':', credentials.EnumerateArray().Select(part => part.GetString())),
        JsonValueKind.Null => throw new MaasConfigurationException(
            $"{where} was logged in anonymously (no API key); log in again with `maas login NAME URL KEY`."),
        _ => throw new MaasConfigurationException(
            $"{where}: its 'credentials' are neither 3 strings nor one 'consumer_key:token_key:token_secret' string."),
    };
}
