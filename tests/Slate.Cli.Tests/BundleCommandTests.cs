using System.Text.Json;

namespace Slate.Cli.Tests;

public sealed class BundleCommandTests
{
    [Fact]
    public async Task The_projects_bundle_passes_with_the_site_file_macs()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "bundle", "check", CliHarness.BundlePath, "--site", CliHarness.SitePath);

        Assert.Equal(0, code);
        Assert.Contains(io.Out, l => l.StartsWith("PASS  chassis-macs   openstack0:", StringComparison.Ordinal));
        Assert.StartsWith("PASS — all ", io.Out[^1]);
        Assert.DoesNotContain(io.Out, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_mode_reads_spaces_and_macs_from_maas()
    {
        await using var lab = await CliHarness.StartAsync();

        var (code, io) = await lab.RunAsync("bundle", "check", CliHarness.BundlePath, "--site", CliHarness.SitePath, "--live", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(Assert.Single(io.Out));
        Assert.True(doc.RootElement.GetProperty("gate").GetProperty("green").GetBoolean());
        Assert.Equal(["GET maas/ get_config", "GET fabrics/ ", "GET subnets/ ", "GET spaces/ ", "GET ipranges/ ", "GET machines/ ",
                "GET subnets/1/ ip_addresses", "GET subnets/2/ ip_addresses", "GET subnets/3/ ip_addresses"],
            lab.Server.Requests.Select(r => $"{r.Method} {r.Path[(r.Path.IndexOf("2.0/", StringComparison.Ordinal) + 4)..]} {r.Op}"));
    }

    [Fact]
    public async Task Live_a_vip_in_the_dynamic_range_maas_serves_fails_naming_the_application_and_the_range()
    {
        await using var lab = await CliHarness.StartAsync();
        var bundle = await BundleCopyAsync("vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.7.20 10.12.11.20 10.12.15.20");
        try
        {
            var (code, io) = await lab.RunAsync("bundle", "check", bundle.FullName, "--site", CliHarness.SitePath, "--live");

            Assert.Equal(3, code);
            Assert.Equal("FAIL  vip-maas       keystone: vip 10.12.11.20 is inside MAAS's dynamic range 10.12.11.0 to 10.12.11.254 (MAAS DHCP) on 10.12.8.0/22: " +
                         "MAAS may lease it to any DHCP client; move the VIP out of the range or shrink it", Assert.Single(io.Out, l => l.StartsWith("FAIL  ", StringComparison.Ordinal)));
        }
        finally
        {
            bundle.Directory!.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_rule_exits_3_and_names_the_application()
    {
        var bundle = await BundleCopyAsync("br-ex:52:54:00:0c:04:0b", "br-ex:52:54:00:0c:04:ff");
        try
        {
            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "bundle", "check", bundle.FullName, "--site", CliHarness.SitePath);

            Assert.Equal(3, code);
            Assert.Contains(io.Out, l => l.StartsWith("FAIL  chassis-macs   openstack1:", StringComparison.Ordinal));
        }
        finally
        {
            bundle.Directory!.Delete(recursive: true);
        }
    }

    /// <summary>The site folder copied to a temp folder (the bundle's resources with it), the bundle's one <paramref name="old"/> replaced.</summary>
    private static async Task<FileInfo> BundleCopyAsync(string old, string replacement)
    {
        var dir = Directory.CreateTempSubdirectory("slate-bundle-");
        foreach (var file in Directory.GetFiles(CliHarness.SitesDir))
            File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
        var bundle = new FileInfo(Path.Combine(dir.FullName, "caracal-testcloud.bundle.yaml"));
        var text = await File.ReadAllTextAsync(bundle.FullName);
        Assert.Contains(old, text);
        await File.WriteAllTextAsync(bundle.FullName, text.Replace(old, replacement, StringComparison.Ordinal));
        return bundle;
    }

    [Fact]
    public async Task A_typo_in_the_bundle_is_bad_input_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "applications:\n  keystone:\n    charm: keystone\n    bindngs:\n      public: provider-public\n");
        try
        {
            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "bundle", "check", path, "--site", CliHarness.SitePath);

            Assert.Equal(2, code);
            Assert.Matches(@"^slate: typo-[0-9a-f]+\.yaml:4: .*bindngs", Assert.Single(io.Errors));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
