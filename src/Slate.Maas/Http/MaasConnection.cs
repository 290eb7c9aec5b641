using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Slate.Maas.Errors;

namespace Slate.Maas.Http;

/// <summary>
/// Sends MAAS requests: reads go through a retry pipeline, writes are sent once and a lost answer becomes
/// <see cref="MaasOutcomeUnknownException"/>. Every non-2xx answer becomes a typed <see cref="MaasApiException"/>.
/// </summary>
internal sealed class MaasConnection : IDisposable
{
    private const string WithheldBody = "(body withheld: it may hold power secrets)";

    private readonly HttpClient _http;
    private readonly Uri _apiBase;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly long _maxAnswerBytes;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
    private int _requestCount;

    public MaasConnection(MaasCredentials credentials, MaasClientOptions options)
    {
        if (options.RequestTimeout <= TimeSpan.Zero)
            throw new MaasConfigurationException("MaasClientOptions.RequestTimeout must be positive.");
        if (options.ReadRetryBudget < 0)
            throw new MaasConfigurationException("MaasClientOptions.ReadRetryBudget must not be negative.");
        _apiBase = credentials.ApiBase;
        _time = options.TimeProvider;
        _timeout = options.RequestTimeout;
        _maxAnswerBytes = options.MaxAnswerBytes;
        var signer = new OAuthPlaintextHandler(credentials, _time)
        {
            InnerHandler = options.InnerHandler ?? new SocketsHttpHandler(),
        };
        _http = new HttpClient(signer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _readPipeline = ReadRetryPipeline.Build(options);
    }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public Task<T> GetAsync<T>(
        string path, string? op, MaasForm? query, JsonTypeInfo<T> type, CancellationToken ct) =>
        GetAsync(path, op, query, type, bodyHoldsSecrets: false, ct);

    /// <summary>A GET whose 2xx answer holds secrets (power parameters): a body that fails to parse is not kept in the error.</summary>
    public Task<T> GetSecretsAsync<T>(
        string path, string? op, MaasForm? query, JsonTypeInfo<T> type, CancellationToken ct) =>
        GetAsync(path, op, query, type, bodyHoldsSecrets: true, ct);

    private async Task<T> GetAsync<T>(
        string path, string? op, MaasForm? query, JsonTypeInfo<T> type, bool bodyHoldsSecrets, CancellationToken ct)
    {
        var uri = BuildUri(path, op, query);
        var shown = Shown(uri, op);
        HttpResponseMessage response;
        try
        {
            response = await _readPipeline.ExecuteAsync(
                async token => await SendOnceAsync(new HttpRequestMessage(HttpMethod.Get, uri), token),
                ct);
        }
        catch (Exception e) when (IsTransportFailure(e, ct))
        {
            throw new MaasUnreachableException("GET", shown, _apiBase, e.Message, e);
        }
        using (response)
            return await ReadAsync(response, "GET", shown, type, bodyHoldsSecrets, ct);
    }

    public async Task<T> PostAsync<T>(
        string path, string? op, MaasForm form, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var uri = BuildUri(path, op, null);
        using var response = await SendWriteAsync(
            new HttpRequestMessage(HttpMethod.Post, uri) { Content = form.ToContent() }, Shown(uri, op), ct);
        return await ReadAsync(response, "POST", Shown(uri, op), type, bodyHoldsSecrets: false, ct);
    }

    public async Task<T> PutAsync<T>(string path, MaasForm form, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var uri = BuildUri(path, null, null);
        using var response = await SendWriteAsync(
            new HttpRequestMessage(HttpMethod.Put, uri) { Content = form.ToContent() }, Shown(uri, null), ct);
        return await ReadAsync(response, "PUT", Shown(uri, null), type, bodyHoldsSecrets: false, ct);
    }

    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        var uri = BuildUri(path, null, null);
        using var response = await SendWriteAsync(
            new HttpRequestMessage(HttpMethod.Delete, uri), Shown(uri, null), ct);
        if (!response.IsSuccessStatusCode)
            throw await MaasErrorMapper.ToExceptionAsync(response, "DELETE", Shown(uri, null), _time, ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendWriteAsync(
        HttpRequestMessage request, string shown, CancellationToken ct)
    {
        var method = request.Method.Method;
        try
        {
            return await SendOnceAsync(request, ct);
        }
        catch (HttpRequestException e) when (NeverConnected(e))
        {
            throw new MaasUnreachableException(method, shown, _apiBase, e.Message, e);
        }
        catch (Exception e) when (IsTransportFailure(e, ct))
        {
            throw new MaasOutcomeUnknownException(method, shown, null, "", e);
        }
    }

    /// <summary>Sends and disposes <paramref name="request"/>; the body is buffered within the timeout.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var _ = request;
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        Interlocked.Increment(ref _requestCount);
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            try
            {
                response.Content = await BoundedBodyAsync(response, request, linked.Token);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"no response within {_timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>The body, buffered, refused as soon as it passes the limit (a hostile or broken MAAS may send gigabytes).</summary>
    private async Task<HttpContent> BoundedBodyAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken ct)
    {
        var content = response.Content;
        if (content.Headers.ContentLength > _maxAnswerBytes)
            throw TooLarge(request, response.StatusCode);
        var buffer = new MemoryStream();
        await using (var body = await content.ReadAsStreamAsync(ct))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > _maxAnswerBytes)
                    throw TooLarge(request, response.StatusCode);
                buffer.Write(chunk, 0, read);
            }
        }
        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in content.Headers)
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        content.Dispose();
        return buffered;
    }

    private MaasApiException TooLarge(HttpRequestMessage request, HttpStatusCode status)
    {
        var shown = request.RequestUri is { } uri ? uri.AbsolutePath : "";
        return new MaasApiException(
            $"MAAS answered {request.Method} {shown} with more than {_maxAnswerBytes / (1024 * 1024.0):0.##} MiB " +
            "(the limit for one answer); refused without reading the rest",
            request.Method.Method, shown, status, "");
    }

    private async Task<T> ReadAsync<T>(
        HttpResponseMessage response, string method, string shown, JsonTypeInfo<T> type, bool bodyHoldsSecrets,
        CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw await MaasErrorMapper.ToExceptionAsync(response, method, shown, _time, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonSerializer.Deserialize(body, type)
                   ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException e)
        {
            throw new MaasApiException(
                $"MAAS answered {method} {shown} with a body that is not a valid {typeof(T).Name}: {e.Message}",
                method, shown, response.StatusCode, bodyHoldsSecrets ? WithheldBody : body, e);
        }
    }

    private Uri BuildUri(string path, string? op, MaasForm? query)
    {
        var parts = new MaasForm().Add("op", op);
        foreach (var pair in query?.Pairs ?? []) parts.Add(pair.Key, pair.Value);
        var builder = new UriBuilder(new Uri(_apiBase, path)) { Query = parts.ToQueryString() };
        return builder.Uri;
    }

    private static string Shown(Uri uri, string? op) => uri.AbsolutePath + (op is null ? "" : "?op=" + op);

    private static bool IsTransportFailure(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or TimeoutException or IOException;

    private static bool NeverConnected(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.NameResolutionError ||
        (e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.AddressNotAvailable,
        });

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    internal static bool IsRetryableRead(HttpResponseMessage response, TimeProvider time) =>
        response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout ||
        (response.StatusCode == HttpStatusCode.Conflict && RetryAfter(response, time) is not null);
}
