using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

/// <summary>
/// The hypervisor port over a served lab (`lab+http://127.0.0.1:P/`): what `slate lab serve` prints, so every step
/// command can be run by hand against the lab exactly as against a real libvirt.
/// </summary>
public sealed class LabHypervisorClient : IHypervisor, IDisposable
{
    public const string Scheme = "lab+";
    private readonly HttpClient _http;

    public LabHypervisorClient(string uri, string token)
    {
        if (!uri.StartsWith(Scheme + "http://", StringComparison.Ordinal))
            throw new HypervisorException(HypervisorFailure.Unreachable, $"'{uri}' is not a lab hypervisor URI (lab+http://127.0.0.1:PORT/)");
        _http = new HttpClient { BaseAddress = new Uri(new Uri(uri[Scheme.Length..]), LabHypervisorEndpoints.Prefix) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static bool IsLabUri(string uri) => uri.StartsWith(Scheme, StringComparison.Ordinal);

    public async Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) =>
        (await CallAsync("domains", new HypervisorRequest(), HypervisorJson.Default.IReadOnlyListHypervisorDomain, ct))!;

    public async Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) =>
        (await CallAsync("devices", new HypervisorRequest(Domain: domain), HypervisorJson.Default.DomainDevices, ct))!;

    public async Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) =>
        (await CallAsync("domain-xml", new HypervisorRequest(Domain: domain), HypervisorJson.Default.HypervisorText, ct))!.Text;

    public async Task<string> ResolvePathAsync(string path, CancellationToken ct) =>
        (await CallAsync("resolve-path", new HypervisorRequest(Path: path), HypervisorJson.Default.HypervisorText, ct))!.Text;

    public Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct) =>
        SendAsync("detach", new HypervisorRequest(Domain: domain, Mac: mac), ct);

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) =>
        CallAsync("network", new HypervisorRequest(Name: name), HypervisorJson.Default.HypervisorNetwork, ct);

    public Task DestroyNetworkAsync(string name, CancellationToken ct) =>
        SendAsync("network-destroy", new HypervisorRequest(Name: name), ct);

    public Task UndefineNetworkAsync(string name, CancellationToken ct) =>
        SendAsync("network-undefine", new HypervisorRequest(Name: name), ct);

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) =>
        CallAsync("volume", new HypervisorRequest(Path: path), HypervisorJson.Default.StorageVolume, ct);

    public Task DeleteVolumeAsync(string path, CancellationToken ct) =>
        SendAsync("volume-delete", new HypervisorRequest(Path: path), ct);

    public async Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct) =>
        (await CallAsync("volume-create", new HypervisorRequest(Spec: spec), HypervisorJson.Default.StorageVolume, ct))!;

    public void Dispose() => _http.Dispose();

    /// <summary>An operation with no result: the twin answers 204 or a typed error.</summary>
    private Task SendAsync(string op, HypervisorRequest request, CancellationToken ct) =>
        CallAsync(op, request, HypervisorJson.Default.HypervisorError, ct);

    /// <summary>204 = no value (absent object, or a void operation); 409 carries the twin's typed error.</summary>
    private async Task<T?> CallAsync<T>(string op, HypervisorRequest request, JsonTypeInfo<T> type, CancellationToken ct) where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(op, request, HypervisorJson.Default.HypervisorRequest, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HypervisorException(HypervisorFailure.Unreachable, $"cannot reach the lab hypervisor at {_http.BaseAddress}: {e.Message}", e);
        }
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.NoContent:
                    return null;
                case HttpStatusCode.OK:
                    return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false);
                case HttpStatusCode.Conflict:
                    var error = await response.Content.ReadFromJsonAsync(HypervisorJson.Default.HypervisorError, ct).ConfigureAwait(false);
                    throw new HypervisorException(error?.Code ?? HypervisorFailure.Other, error?.Message ?? "lab hypervisor error");
                case HttpStatusCode.Unauthorized:
                    throw new HypervisorException(HypervisorFailure.Unreachable, $"the lab refused the token: export {LabVariables.Token} as `slate lab serve` printed it");
                default:
                    throw new HypervisorException(HypervisorFailure.Other, $"lab hypervisor answered {(int)response.StatusCode} to {op}");
            }
        }
    }
}
