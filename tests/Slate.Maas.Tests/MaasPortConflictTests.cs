using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Ports;
using Slate.Maas.Tests.Support;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Maas.Tests;

/// <summary>
/// MAAS's two 409s (canonical/maas src/maasserver/utils/views.py, HttpResponseConflict: "Responses with status code 409
/// should be retried by the clients", LP #2034014; src/maasserver/exceptions.py, NodeStateViolation): with Retry-After
/// it rolled the request back and asks for it again, without it the object is in the wrong state.
/// </summary>
public sealed class MaasPortConflictTests
{
    // MAAS's src/maasserver/templates/409.html, which HttpResponseConflict renders.
    private const string RolledBackPage = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
          <head>
            <title>Error: Conflict Error</title>
          </head>
          <body>
            <h2 class="p-heading--four">
              Conflict error. Try your request again, as it will most likely succeed.
            </h2>
          </body>
        </html>
        """;

    private const string NotReleasable = "Node cannot be released in its current state ('Ready').";

    [Fact]
    public async Task A_write_answered_409_with_Retry_After_is_busy_and_carries_the_wait_in_one_line()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, RolledBackPage, "text/html; charset=utf-8", RetryAfterSeconds: 5),
            MaasRoute.Delete("machines/abc123/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).DeleteMachineAsync("abc123", CancellationToken.None));

        Assert.Equal(MaasFailure.Busy, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Equal("MAAS answered DELETE /MAAS/api/2.0/machines/abc123/ with 409 Conflict and Retry-After 5 s: it rolled the request back " +
                     "(its database retries ran out) and asks for it again.", error.Message);
    }

    [Fact]
    public async Task A_state_conflict_is_refused_with_MAASs_text_and_no_wait()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, NotReleasable, "text/plain; charset=utf-8"),
            MaasRoute.Delete("machines/abc123/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).DeleteMachineAsync("abc123", CancellationToken.None));

        Assert.Equal(MaasFailure.Refused, error.Failure);
        Assert.Null(error.RetryAfter);
        Assert.EndsWith("with 409 Conflict: " + NotReleasable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_carries_its_Retry_After_to_the_steps()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(503, "rack unavailable", "text/plain", RetryAfterSeconds: 10),
            MaasRoute.Delete("nodes/abc123/interfaces/3/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).DeleteInterfaceAsync("abc123", 3, CancellationToken.None));

        Assert.Equal(MaasFailure.Unreachable, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
    }

    [Fact]
    public async Task A_read_still_rolled_back_after_its_retries_is_busy()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, RolledBackPage, "text/html", RetryAfterSeconds: 0),
            MaasRoute.Get("spaces/"));
        using var client = TestClients.For(server, retryBudget: 2);

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).ListSpacesAsync(CancellationToken.None));

        Assert.Equal(MaasFailure.Busy, error.Failure);
        Assert.Equal(3, client.RequestCount);
    }

    [Fact]
    public async Task A_write_answered_409_with_Retry_After_is_sent_again_after_the_wait()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
                ? new CannedResponse(409, RolledBackPage, "text/html; charset=utf-8", RetryAfterSeconds: 5)
                : new CannedResponse(204),
            MaasRoute.Delete("machines/abc123/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);
        var progress = new List<string>();
        var port = new MaasPort(client);

        var sent = MaasWrites.SendAsync(async () =>
        {
            await port.DeleteMachineAsync("abc123", CancellationToken.None);
            return true;
        }, time, CancellationToken.None, new Progress(progress), "DELETE capi-mgmt");

        Assert.True(await TestClients.DriveAsync(sent, time, TimeSpan.FromSeconds(1)));

        Assert.Equal(2, server.Requests.Count);
        var stamps = server.Requests.Select(r => long.Parse(OAuthHeader.Parse(r.Authorization)["oauth_timestamp"], CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(stamps[1] - stamps[0], 5, 7);
        Assert.Equal(["DELETE capi-mgmt: MAAS is busy (409, retry after 5 s); sending again (1/6)"], progress);
    }

    [Fact]
    public async Task A_state_conflict_is_sent_once_through_the_write_retries()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, NotReleasable, "text/plain; charset=utf-8"),
            MaasRoute.Delete("machines/abc123/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasException>(() => MaasWrites.SendAsync(
            () => new MaasPort(client).DeleteMachineAsync("abc123", CancellationToken.None), new FakeTimeProvider(), CancellationToken.None));

        Assert.Equal(MaasFailure.Refused, error.Failure);
        Assert.Single(server.Requests);
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
