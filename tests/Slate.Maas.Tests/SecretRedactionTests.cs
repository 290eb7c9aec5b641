using System.Text.Json;
using Slate.Maas.Errors;
using Slate.Maas.Models;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class SecretRedactionTests
{
    private const string Params = """{"power_address": "qemu+ssh://virsh@10.0.0.1/system", "power_id": "compute-1", "power_pass": "hunter2-libvirt"}""";

    [Fact]
    public async Task Power_parameters_keep_the_password_readable_only_through_Reveal()
    {
        await using var server = await FakeMaasServer.StartAsync(Params, MaasRoute.Get("machines/abc123/", ("op", "power_parameters")));
        using var client = TestClients.For(server);

        var parameters = await client.Machines.GetPowerParametersAsync("abc123");

        Assert.Equal("hunter2-libvirt", parameters.PowerPass!.Reveal());
        Assert.Equal("compute-1", parameters.PowerId);
        Assert.Contains("qemu+ssh://virsh@10.0.0.1/system", parameters.ToString());
        Assert.DoesNotContain("hunter2", parameters.ToString());
        var json = JsonSerializer.Serialize(parameters, MaasJsonContext.Default.PowerParameters);
        Assert.Contains("\"power_pass\":\"***\"", json);
        Assert.DoesNotContain("hunter2", json);
    }

    [Fact]
    public void A_machine_create_request_does_not_print_its_password()
    {
        var create = new MachineCreate
        {
            Hostname = "n1", Architecture = "amd64/generic", MacAddresses = ["52:54:00:00:00:01"],
            PowerAddress = "qemu+ssh://virsh@h/system", PowerId = "n1", PowerPass = new MaasSecret("hunter2-libvirt"),
        };
        Assert.DoesNotContain("hunter2", create.ToString());
        Assert.Contains("n1", create.ToString());
    }

    [Fact]
    public async Task Errors_never_contain_the_api_key_secret_nor_query_values()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) =>
            new CannedResponse(401, "Authorization Error: Invalid API key.", "text/plain"),
            MaasRoute.Get("machines/", ("hostname", "private-host")));
        using var client = TestClients.For(server, retryBudget: 0);

        var error = await Assert.ThrowsAsync<MaasUnauthorizedException>(
            () => client.Machines.ListAsync(new MachineFilter { Hostnames = ["private-host"] }));

        Assert.Equal("/MAAS/api/2.0/machines/", error.Path);
        Assert.Contains("Invalid API key", error.Message);
        foreach (var text in new[] { error.Message, error.ToString(), error.Path })
        {
            Assert.DoesNotContain("s3cr3tTokenSecret", text);
            Assert.DoesNotContain("private-host", text);
        }
    }

    [Theory]
    [InlineData("machine")]
    [InlineData("machines")]
    [InlineData("vm-host")]
    public async Task A_power_parameters_answer_that_does_not_parse_keeps_the_password_out_of_the_error(string which)
    {
        // power_id as an object fails to bind; the body still holds the cleartext password.
        const string body = """{"power_pass": "hunter2-libvirt", "power_id": {"x": 1}}""";
        await using var server = await FakeMaasServer.StartAsync(which == "machines" ? $$"""{"abc": {{body}}}""" : body,
            MaasRoute.Get("machines/abc/", ("op", "power_parameters")),
            MaasRoute.Get("machines/", ("op", "power_parameters"), ("id", "abc")),
            MaasRoute.Get("vm-hosts/1/", ("op", "parameters")));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasApiException>(() => which switch
        {
            "machine" => client.Machines.GetPowerParametersAsync("abc"),
            "machines" => client.Machines.ListPowerParametersAsync(["abc"]),
            _ => client.VmHosts.GetParametersAsync(1),
        });

        foreach (var text in new[] { error.Message, error.ToString(), error.Body })
            Assert.DoesNotContain("hunter2", text);
        Assert.Contains("withheld", error.Body);
    }
}
