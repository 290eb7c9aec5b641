using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Slate.Lab.Juju;

/// <summary>The lab juju command's line to the lab: GET/POST on /lab/juju/ with the lab token as a bearer header.</summary>
internal sealed class LabJujuClient : IDisposable
{

    private readonly HttpClient _http;

    private LabJujuClient(Uri labUrl, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(labUrl, LabJujuRoutes.Prefix) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <exception cref="LabJujuError">No lab is configured, or it is not on this machine (exit 1).</exception>
    public static LabJujuClient FromEnvironment(IReadOnlyDictionary<string, string?> env)
    {
        if (env.GetValueOrDefault(LabVariables.Url) is not { Length: > 0 } url)
            throw LabJujuError.Failed(
                $"no lab to answer: {LabVariables.Url} is not set. Run 'slate lab serve' and paste the export lines it prints into this shell.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var labUrl) || labUrl.Scheme != Uri.UriSchemeHttp)
            throw LabJujuError.Failed($"{LabVariables.Url} is not an http:// URL: '{url}'");
        // The token travels in clear over HTTP: only ever to this machine.
        if (!labUrl.IsLoopback)
            throw LabJujuError.Failed($"{LabVariables.Url} must point at the lab on this machine (127.0.0.1), not {labUrl.Host}");
        if (env.GetValueOrDefault(LabVariables.Token) is not { Length: > 0 } token)
            throw LabJujuError.Failed($"{LabVariables.Token} is not set; 'slate lab serve' prints it next to {LabVariables.Url}");
        if (!labUrl.AbsolutePath.EndsWith('/')) labUrl = new Uri(labUrl + "/");
        return new LabJujuClient(labUrl, token);
    }

    /// <summary>The answer's body.</summary>
    /// <exception cref="LabJujuError">The lab is unreachable or answered an error (exit 1).</exception>
    public async Task<string> SendAsync(HttpMethod method, string command, IEnumerable<(string Key, string? Value)> query, CancellationToken ct)
    {
        var (status, body) = await ExchangeAsync(method, command, query, ct);
        return (int)status is >= 200 and < 300 ? body : throw Failure(command, status, body);
    }

    /// <summary>A model's progress while it is listed; null once the lab says it is gone.</summary>
    public async Task<string?> ModelProgressAsync(string? controller, string model, CancellationToken ct)
    {
        var (status, body) = await ExchangeAsync(HttpMethod.Get, "model", [("controller", controller), ("model", model)], ct);
        return status == HttpStatusCode.NotFound ? null : (int)status is >= 200 and < 300 ? body : throw Failure("model", status, body);
    }

    private async Task<(HttpStatusCode Status, string Body)> ExchangeAsync(
        HttpMethod method, string command, IEnumerable<(string Key, string? Value)> query, CancellationToken ct)
    {
        var path = command + "?" + string.Join('&', query.Where(q => q.Value is not null)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}"));
        try
        {
            using var request = new HttpRequestMessage(method, path);
            using var response = await _http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw LabJujuError.Failed($"cannot reach the lab at {_http.BaseAddress}: {e.Message} Is 'slate lab serve' still running?");
        }
    }

    private static LabJujuError Failure(string command, HttpStatusCode status, string body) =>
        LabJujuError.Failed(ErrorOf(body) ?? $"the lab answered {(int)status} to {command}");

    public void Dispose() => _http.Dispose();

    private static string? ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
