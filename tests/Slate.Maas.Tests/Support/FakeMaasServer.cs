using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Slate.Maas.Tests.Support;

public sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string[]> Query, string? Authorization,
    string? ContentType, IReadOnlyDictionary<string, string[]> Form);

/// <summary>What the fake answers. <see cref="Abort"/> drops the connection; <see cref="Hang"/> never answers.</summary>
public sealed record CannedResponse(
    int Status, string Body = "", string ContentType = "application/json", int? RetryAfterSeconds = null,
    bool Abort = false, bool Hang = false, string? RetryAfterDate = null)
{
    public static CannedResponse Json(string body) => new(200, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1:0 that records requests and answers the ones a test expects from a script. A request
/// matching none of its <see cref="MaasRoute"/>s (method, path and whole query) gets 404, as an unknown URL does from MAAS.
/// </summary>
public sealed class FakeMaasServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<MaasRoute> _routes;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeMaasServer(WebApplication app, Func<RecordedRequest, int, CannedResponse> responder, IReadOnlyList<MaasRoute> routes)
    {
        _app = app;
        _routes = routes;
        Responder = responder;
    }

    public Func<RecordedRequest, int, CannedResponse> Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The MAAS root, e.g. <c>http://127.0.0.1:41234/MAAS/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    public static Task<FakeMaasServer> StartAsync(string body, params MaasRoute[] routes) =>
        StartAsync((_, _) => CannedResponse.Json(body), routes);

    public static async Task<FakeMaasServer> StartAsync(Func<RecordedRequest, int, CannedResponse> responder, params MaasRoute[] routes)
    {
        if (routes.Length == 0)
            throw new ArgumentException("Name the requests the test expects: a server that answers any path pins nothing.", nameof(routes));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeMaasServer(app, responder, routes);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Root = new Uri(app.Urls.Single() + "/MAAS/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => Values(f.Value))
            : new Dictionary<string, string[]>();
        var recorded = new RecordedRequest(
            request.Method, request.Path.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => Values(q.Value)),
            request.Headers.Authorization.FirstOrDefault(), request.ContentType, form);
        _requests.Enqueue(recorded);
        var answer = _routes.Any(route => route.Matches(recorded))
            ? Responder(recorded, _requests.Count - 1)
            : new CannedResponse(404, $"No route for {recorded.Method} {request.Path}{request.QueryString}", "text/plain");
        if (answer.Abort)
        {
            context.Abort();
            return;
        }
        if (answer.Hang)
        {
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
            return;
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        if (answer.RetryAfterDate is { } date) context.Response.Headers.RetryAfter = date;
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private static string[] Values(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(v => v ?? "").ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
