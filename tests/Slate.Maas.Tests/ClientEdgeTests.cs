using Slate.Maas.Errors;
using Slate.Maas.Models;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class ClientEdgeTests
{
    [Fact]
    public void A_client_without_credentials_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new MaasClient(null!));
    }

    [Fact]
    public async Task A_standard_bridge_is_asked_for_as_standard()
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("maas37-example__interfaces__create-bridge.json"),
            MaasRoute.Post("nodes/thr3am/interfaces/", ("op", "create_bridge")));
        using var client = TestClients.For(server);

        await client.Interfaces.CreateBridgeAsync("thr3am", "br-metal", 141, BridgeKind.Standard);

        Assert.Equal(["standard"], Assert.Single(server.Requests).Form["bridge_type"]);
    }

    [Theory]
    [InlineData(LinkMode.Dhcp, "DHCP")]
    [InlineData(LinkMode.Auto, "AUTO")]
    [InlineData(LinkMode.LinkUp, "LINK_UP")]
    public async Task A_link_without_an_address_sends_only_its_mode_and_subnet(LinkMode mode, string sent)
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("maas37-example__interfaces__link-subnet.json"),
            MaasRoute.Post("nodes/thr3am/interfaces/141/", ("op", "link_subnet")));
        using var client = TestClients.For(server);

        await client.Interfaces.LinkSubnetAsync("thr3am", 141, mode, 3);

        var form = Assert.Single(server.Requests).Form;
        Assert.Equal([sent], form["mode"]);
        Assert.False(form.ContainsKey("ip_address"));
    }

    [Fact]
    public async Task An_address_with_a_mode_other_than_static_is_refused_before_anything_is_sent()
    {
        await using var server = await FakeMaasServer.StartAsync("{}", MaasRoute.Post("nodes/thr3am/interfaces/141/", ("op", "link_subnet")));
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Interfaces.LinkSubnetAsync("thr3am", 141, LinkMode.Dhcp, 3, "10.0.0.5"));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_write_answered_with_a_body_that_is_not_json_keeps_the_body_for_the_operator()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, "<html>proxy</html>", "text/html"),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasApiException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Equal("<html>proxy</html>", error.Body);
    }

    [Theory]
    [InlineData("""["One", "Two"]""", "__all__", new[] { "One", "Two" })]
    [InlineData("""{"memory": [4096]}""", "memory", new[] { "4096" })]
    [InlineData("""{"hostname": "taken"}""", "hostname", new[] { "taken" })]
    public async Task A_400_json_body_becomes_field_errors(string body, string field, string[] messages)
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(400, body),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasBadRequestException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Equal(messages, error.FieldErrors[field]);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("{not json")]
    public async Task A_400_body_that_is_not_a_json_map_has_no_field_errors(string body)
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(400, body, "text/plain"),
            MaasRoute.Post("machines/n1/", ("op", "commission")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasBadRequestException>(() => client.Machines.CommissionAsync("n1"));

        Assert.Empty(error.FieldErrors);
    }

    [Fact]
    public void A_secret_equals_only_a_secret_with_the_same_value()
    {
        Assert.Equal(new MaasSecret("pw"), new MaasSecret("pw"));
        Assert.NotEqual(new MaasSecret("pw"), new MaasSecret("other"));
        Assert.False(new MaasSecret("pw").Equals(null));
    }

    [Fact]
    public void A_relative_url_is_refused_as_relative_and_a_query_is_dropped_from_the_api_base()
    {
        var error = Assert.Throws<MaasConfigurationException>(() => new MaasCredentials(new Uri("/MAAS/", UriKind.Relative), TestClients.ApiKey));
        Assert.Contains("not a relative one", error.Message);

        var credentials = new MaasCredentials(new Uri("http://10.0.0.2:5240/MAAS/?x=1#top"), TestClients.ApiKey);
        Assert.Equal("http://10.0.0.2:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
    }
}
