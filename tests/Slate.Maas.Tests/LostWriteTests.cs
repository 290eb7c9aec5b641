using System.Net.Sockets;
using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>
/// A write that failed in transport is either never sent (safe to send again) or of unknown outcome (re-read first: sending
/// again could create a second machine). The failures are raised as SocketsHttpHandler raises them (dotnet/runtime
/// src/libraries/System.Net.Http/src/System/Net/Http/SocketsHttpHandler/ConnectHelper.cs: a failed connect is an
/// HttpRequestException with HttpRequestError.ConnectionError around the SocketException).
/// </summary>
public sealed class LostWriteTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostUnreachable)]
    [InlineData(SocketError.NetworkUnreachable)]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.AddressNotAvailable)]
    public async Task A_connect_that_failed_before_anything_was_sent_is_unreachable(SocketError socketError)
    {
        using var client = ClientFailingWith(
            new HttpRequestException(HttpRequestError.ConnectionError, "connect failed", new SocketException((int)socketError)));

        var error = await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Equal(("POST", "/MAAS/api/2.0/machines/n1/?op=commission"), (error.Method, error.Path));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_unreachable()
    {
        using var client = ClientFailingWith(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"));

        await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Machines.DeleteAsync("n1"));
    }

    [Fact]
    public async Task A_connection_reset_is_an_unknown_outcome_even_though_it_is_a_connection_error()
    {
        using var client = ClientFailingWith(
            new HttpRequestException(HttpRequestError.ConnectionError, "reset", new SocketException((int)SocketError.ConnectionReset)));

        var error = await Assert.ThrowsAsync<MaasOutcomeUnknownException>(() => client.Machines.ReleaseAsync("n1"));

        Assert.Null(error.StatusCode);
        Assert.Contains("(reset)", error.Message);
    }

    [Fact]
    public async Task A_refused_socket_reported_after_the_request_was_sent_is_an_unknown_outcome()
    {
        using var client = ClientFailingWith(
            new HttpRequestException(HttpRequestError.ResponseEnded, "ended", new SocketException((int)SocketError.ConnectionRefused)));

        await Assert.ThrowsAsync<MaasOutcomeUnknownException>(() => client.Machines.DeleteAsync("n1"));
    }

    private static MaasClient ClientFailingWith(Exception failure) =>
        new(new MaasCredentials(new Uri("http://127.0.0.1:9/MAAS/"), TestClients.ApiKey),
            new MaasClientOptions { InnerHandler = new FailingHandler(failure), ReadRetryBudget = 0 });

    private sealed class FailingHandler(Exception failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromException<HttpResponseMessage>(failure);
    }
}
