using System.Text.Json;

namespace Slate.Cli.Tests;

public sealed class PreflightCommandTests
{
    [Fact]
    public async Task Prints_the_baseline_of_the_lab_and_exits_0()
    {
        await using var lab = await CliHarness.StartAsync();

        var (code, io) = await lab.RunAsync("preflight", "--site", CliHarness.SitePath);

        Assert.Equal(0, code);
        Assert.Contains("provider-public | 10.12.4.0/22 | 10.12.4.0/22 | ok", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("openstack0 | host | ", StringComparison.Ordinal) && l.EndsWith(" | Deployed | on", StringComparison.Ordinal));
        Assert.Contains("openstack0 | running | /var/lib/libvirt/images/openstack0-1.qcow2 | libvirt-qemu:kvm | 644", io.Out);
        Assert.Contains("[juju model openstack (the teardown's targets)]", io.Out);
        Assert.Contains($"3 | {lab.Cloud.Machines.FindByHostname("openstack3")!.SystemId} | openstack3 | started", io.Out);
        Assert.Contains("Summary: 0 fatal, 0 warning(s)", io.Out);
        Assert.Empty(io.Errors);
    }

    [Fact]
    public async Task Json_output_carries_the_report_for_automation()
    {
        await using var lab = await CliHarness.StartAsync();

        var (code, io) = await lab.RunAsync("preflight", "--site", CliHarness.SitePath, "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(Assert.Single(io.Out));
        Assert.Equal(0, doc.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal("preflight", doc.RootElement.GetProperty("step").GetString());
        Assert.Equal("caracal-testcloud", doc.RootElement.GetProperty("maas_name").GetString());
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray().ToList();
        var planes = tables.Single(t => t.GetProperty("title").GetString()!.StartsWith("planes", StringComparison.Ordinal)).GetProperty("rows");
        Assert.Equal(6, planes.GetArrayLength());
        Assert.All(planes.EnumerateArray(), p => Assert.Equal("ok", p.GetProperty("state").GetString()));
        var machines = tables.Single(t => t.GetProperty("title").GetString()!.StartsWith("machines", StringComparison.Ordinal)).GetProperty("rows");
        var capi = machines.EnumerateArray().Single(m => m.GetProperty("hostname").GetString() == "capi-mgmt");
        Assert.Equal("orphan", capi.GetProperty("role").GetString());
        Assert.Matches("^[a-z0-9]{6}$", capi.GetProperty("system_id").GetString());
    }

    [Fact]
    public async Task A_site_naming_another_maas_is_refused_with_exit_4()
    {
        await using var lab = await CliHarness.StartAsync();
        var other = Path.Combine(Path.GetTempPath(), $"roosevelt-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(CliHarness.SitePath))
            .Replace("maas_name: caracal-testcloud", "maas_name: roosevelt", StringComparison.Ordinal));
        try
        {
            var (code, io) = await lab.RunAsync("preflight", "--site", other);

            Assert.Equal(4, code);
            Assert.Contains("calls itself 'caracal-testcloud' but the site file expects 'roosevelt'", Assert.Single(io.Errors));
            Assert.Empty(io.Out);
            Assert.Single(lab.Server.Requests, r => r.Path.Contains("/maas/", StringComparison.Ordinal));
            Assert.DoesNotContain(lab.Server.Requests, r => r.Path.Contains("/spaces/", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(other);
        }
    }

    [Fact]
    public async Task A_bad_site_file_exits_2_with_one_line_naming_line_and_field()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"site-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(CliHarness.SitePath))
            .Replace("cidr: 10.12.16.0/22", "cidr: 10.12.16.0/33", StringComparison.Ordinal));
        try
        {
            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "preflight", "--site", bad);

            Assert.Equal(2, code);
            var line = Assert.Single(io.Errors);
            var lineNumber = Array.FindIndex(File.ReadAllLines(CliHarness.SitePath), l => l.Contains("cidr: 10.12.16.0/22", StringComparison.Ordinal)) + 1;
            Assert.Matches($@"^slate: site-[0-9a-f]+\.yaml:{lineNumber}: planes\[3\]\.cidr: '10\.12\.16\.0/33' is not an IPv4 network", line);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Missing_credentials_exit_2_and_name_the_variable()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "preflight", "--site", CliHarness.SitePath);

        Assert.Equal(2, code);
        Assert.Contains("MAAS_URL", Assert.Single(io.Errors));
    }

    [Fact]
    public async Task A_wrong_api_key_is_exit_1_and_the_secret_is_not_echoed()
    {
        await using var lab = await CliHarness.StartAsync();
        var env = lab.LabEnvironment();
        var parts = lab.Server.ApiKey.Split(':');
        var wrongSecret = new string('x', parts[2].Length);
        env["MAAS_API_KEY"] = $"{parts[0]}:{parts[1]}:{wrongSecret}";

        var (code, io) = await CliHarness.RunAsync(env, "preflight", "--site", CliHarness.SitePath);

        Assert.Equal(1, code);
        var line = Assert.Single(io.Errors);
        Assert.Contains("401", line);
        Assert.DoesNotContain(wrongSecret, line);
        Assert.DoesNotContain(parts[2], line);
    }

    [Fact]
    public async Task A_maas_profile_is_read_from_the_maas_cli_database_under_home()
    {
        var home = Path.Combine(AppContext.BaseDirectory, "profiles");
        var env = new Dictionary<string, string?> { ["HOME"] = home };

        var (code, io) = await CliHarness.RunAsync(env, "preflight", "--site", CliHarness.SitePath, "--maas-profile", "staging");

        Assert.Equal(2, code);
        var line = Assert.Single(io.Errors);
        Assert.Contains("staging", line);
        Assert.Contains("admin, ops", line);
        Assert.Contains(Path.Combine(home, ".maascli.db"), line);
    }

    [Fact]
    public async Task An_unreachable_maas_is_exit_1_naming_the_url()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var env = new Dictionary<string, string?> { ["MAAS_URL"] = $"http://127.0.0.1:{port}/MAAS/", ["MAAS_API_KEY"] = "a:b:c" };

        var (code, io) = await CliHarness.RunAsync(env, "preflight", "--site", CliHarness.SitePath);

        Assert.Equal(1, code);
        Assert.Contains($"127.0.0.1:{port}", Assert.Single(io.Errors));
    }

    [Fact]
    public async Task An_unreachable_hypervisor_and_juju_are_findings_beside_the_maas_baseline()
    {
        await using var lab = await CliHarness.StartAsync();
        var env = lab.LabEnvironment();
        env["SLATE_JUJU"] = "/nonexistent/juju";

        var (code, io) = await CliHarness.RunAsync(env, "preflight", "--site", CliHarness.SitePath,
            "--libvirt", "qemu+unix:///system?socket=/nonexistent/libvirt-sock");

        Assert.Equal(3, code);
        Assert.Contains("provider-public | 10.12.4.0/22 | 10.12.4.0/22 | ok", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("FATAL   hypervisor: cannot connect to libvirt at qemu+unix:///system", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("FATAL   openstack: the model cannot be read", StringComparison.Ordinal) && l.Contains("/nonexistent/juju", StringComparison.Ordinal));
        Assert.Empty(io.Errors);
    }

    [Fact]
    public async Task An_unknown_flag_is_bad_input()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "preflight", "--aply");

        Assert.Equal(2, code);
        Assert.Contains(io.Errors, e => e.Contains("--aply", StringComparison.Ordinal));
    }
}
