namespace Slate.Cli.Tests;

public sealed class RehearseCommandTests
{
    [Fact]
    public async Task Rehearses_every_built_step_on_the_embedded_lab()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse");

        Assert.Equal(0, code);
        Assert.Contains("pre-flight   GATE green", io.Out);
        Assert.Contains("teardown     GATE green", io.Out);
        Assert.Contains("networks     GATE green", io.Out);
        Assert.Contains("osd wipe     GATE green", io.Out);
        Assert.Contains("reenroll     GATE green", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       openstack3:", StringComparison.Ordinal));
        Assert.Contains("bundle gate  GATE green", io.Out);
        Assert.Contains("standup      GATE green", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("Step 2 — teardown, Path B: destroy", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.Contains("Type the model name to continue: openstack    ← typed by the rehearsal itself", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  host-gone      openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack3: shut off", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  chassis-macs   openstack3:", StringComparison.Ordinal));
        Assert.Matches(@"^Rehearsal: 11 of 11 step\(s\) green; [1-9][0-9]* MAAS API calls; 0 protected-machine violation\(s\)$", io.Out[^1]);
    }
}

public sealed class RehearseWithOwnSiteTests
{
    [Fact]
    public async Task A_site_without_a_bundle_beside_it_skips_the_bundle_gate_and_is_not_green()
    {
        var dir = Directory.CreateTempSubdirectory("slate-own-site-");
        try
        {
            var site = Path.Combine(dir.FullName, "mine.yaml");
            File.Copy(CliHarness.SitePath, site);

            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--site", site);

            Assert.Equal(3, code);
            Assert.Contains("bundle gate  skipped", io.Out);
            Assert.Contains("pre-flight   GATE green", io.Out);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

public sealed class RehearseWithDecomposeFaultTests
{
    [Fact]
    public async Task A_decompose_that_deletes_a_domain_turns_the_teardown_gate_red_naming_the_host()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--fault", "decompose-deletes-domain=openstack1");

        Assert.Equal(3, code);
        Assert.Contains("teardown     GATE red", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  domain-off     openstack1: no such domain: re-enrolment needs it", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack0: shut off", StringComparison.Ordinal));
    }
}
