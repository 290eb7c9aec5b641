using System.Net;
using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(401, typeof(MaasUnauthorizedException))]
    [InlineData(403, typeof(MaasForbiddenException))]
    [InlineData(404, typeof(MaasNotFoundException))]
    [InlineData(409, typeof(MaasConflictException))]
    [InlineData(503, typeof(MaasUnavailableException))]
    [InlineData(504, typeof(MaasOutcomeUnknownException))]
    [InlineData(500, typeof(MaasApiException))]
    public async Task Each_status_becomes_its_typed_exception_with_method_path_and_body(int status, Type expected)
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(status, "No Machine matches the given query.", "text/plain"),
            MaasRoute.Post("machines/gone42/", ("op", "release")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAnyAsync<MaasApiException>(() => client.Machines.ReleaseAsync("gone42"));

        Assert.Equal(expected, error.GetType());
        Assert.Equal("POST", error.Method);
        Assert.Equal("/MAAS/api/2.0/machines/gone42/?op=release", error.Path);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("No Machine matches the given query.", error.Body);
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task A_400_field_map_is_parsed_including___all__()
    {
        const string body = """{"mac_addresses": ["MAC address 52:54:00:00:00:01 already in use on node-3."], "__all__": ["One", "Two"]}""";
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(400, body),
            MaasRoute.Post("nodes/n1/interfaces/", ("op", "create_vlan")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasBadRequestException>(() => client.Interfaces.CreateVlanAsync("n1", 1, 2));

        Assert.Equal(["MAC address 52:54:00:00:00:01 already in use on node-3."], error.FieldErrors["mac_addresses"]);
        Assert.Equal(["One", "Two"], error.FieldErrors["__all__"]);
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task A_400_in_plain_text_keeps_the_text_and_has_no_field_errors()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) =>
            new CannedResponse(400, "Unrecognised signature: method=POST op=bogus", "text/plain"),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasBadRequestException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Empty(error.FieldErrors);
        Assert.Equal("Unrecognised signature: method=POST op=bogus", error.Body);
    }

    [Fact]
    public async Task A_409_on_a_write_carries_Retry_After_and_is_not_retried()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, "retry", "text/plain", RetryAfterSeconds: 5),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasConflictException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_503_on_a_write_is_not_retried()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(503, "busy", "text/plain", RetryAfterSeconds: 10),
            MaasRoute.Delete("nodes/n1/interfaces/3/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasUnavailableException>(() => client.Interfaces.DeleteAsync("n1", 3));

        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task A_write_whose_connection_drops_has_an_unknown_outcome()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, Abort: true),
            MaasRoute.Post("machines/n1/", ("op", "release")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasOutcomeUnknownException>(() => client.Machines.ReleaseAsync("n1"));

        Assert.Null(error.StatusCode);
        Assert.Contains("re-read", error.Message);
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task A_write_that_times_out_on_the_injected_clock_has_an_unknown_outcome()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, Hang: true),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        var call = client.Machines.CommissionAsync("n1");
        var error = await Assert.ThrowsAsync<MaasOutcomeUnknownException>(
            () => TestClients.DriveAsync(call, time, TimeSpan.FromSeconds(10)));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_refused_connection_names_the_url()
    {
        var root = TestClients.ClosedLoopbackRoot();
        using var client = new MaasClient(
            new MaasCredentials(root, TestClients.ApiKey),
            new MaasClientOptions { TimeProvider = new FakeTimeProvider(), ReadRetryBudget = 0 });

        var read = await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Version.GetAsync());
        var write = await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Contains($"{root}api/2.0/", read.Message);
        Assert.Equal("POST", write.Method);
    }

    [Fact]
    public async Task A_refused_read_is_not_retried_even_with_a_retry_budget()
    {
        var root = TestClients.ClosedLoopbackRoot();
        using var client = new MaasClient(
            new MaasCredentials(root, TestClients.ApiKey),
            new MaasClientOptions { ReadRetryBudget = 4, MaxRetryDelay = TimeSpan.FromMilliseconds(1) });

        await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Spaces.ListAsync());

        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task A_2xx_body_that_is_not_the_expected_json_is_a_clear_error()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, "<html>login</html>", "text/html"),
            MaasRoute.Get("version/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasApiException>(() => client.Version.GetAsync());

        Assert.Contains("not a valid VersionInfo", error.Message);
        Assert.Equal("<html>login</html>", error.Body);
    }

    [Fact]
    public async Task The_callers_cancellation_is_honoured()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, Hang: true),
            MaasRoute.Get("subnets/"));
        using var client = TestClients.For(server);
        using var cancel = new CancellationTokenSource();

        var call = client.Subnets.ListAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
