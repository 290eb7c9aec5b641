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
        Assert.Contains(lab.Server.Requests, r => r.Path.EndsWith("/spaces/", StringComparison.Ordinal));
        Assert.Contains(lab.Server.Requests, r => r.Path.EndsWith("/machines/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_rule_exits_3_and_names_the_application()
    {
        var dir = Directory.CreateTempSubdirectory("slate-bundle-");
        try
        {
            foreach (var file in Directory.GetFiles(CliHarness.SitesDir))
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            var bundle = Path.Combine(dir.FullName, "caracal-testcloud.bundle.yaml");
            var text = await File.ReadAllTextAsync(bundle);
            Assert.Contains("br-ex:52:54:00:0c:04:0b", text);
            await File.WriteAllTextAsync(bundle, text.Replace("br-ex:52:54:00:0c:04:0b", "br-ex:52:54:00:0c:04:ff", StringComparison.Ordinal));

            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "bundle", "check", bundle, "--site", CliHarness.SitePath);

            Assert.Equal(3, code);
            Assert.Contains(io.Out, l => l.StartsWith("FAIL  chassis-macs   openstack1:", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
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
