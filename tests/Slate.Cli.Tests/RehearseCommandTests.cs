namespace Slate.Cli.Tests;

public sealed class RehearseCommandTests
{
    [Fact]
    public async Task Rehearses_every_built_step_on_the_embedded_lab()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse");

        Assert.Equal(0, code);
        var summary = RehearsalSummary.Read(io.Out);
        string[] steps = ["pre-flight", "teardown", "networks", "osd wipe", "reenroll", "carve openstack0", "carve openstack1", "carve openstack2",
            "carve openstack3", "standup", "bundle gate", "EXIT GATE"];
        Assert.Equal(steps, summary.Keys);
        Assert.All(summary.Values, row => Assert.Equal("GATE green", row.Outcome));
        Assert.All(summary.Values, row => Assert.True(row.Calls > 0));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       reenroll: openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  model-gone     teardown: openstack", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  pattern-a      carve openstack2: ", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("Step 2 — teardown, Path B: destroy", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.Contains("Type the model name to continue: openstack    ← typed by the rehearsal itself", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  host-gone      openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack3: shut off", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  chassis-macs   openstack3:", StringComparison.Ordinal));
        var total = Assert.Single(io.Out, l => l.StartsWith("Rehearsal: ", StringComparison.Ordinal));
        Assert.Equal($"Rehearsal: 12 of 12 step(s) green; {summary.Values.Sum(r => r.Calls) + 1} MAAS API calls; 0 protected-machine violation(s)", total);
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
            Assert.Equal("skipped", RehearsalSummary.Outcome(io.Out, "bundle gate"));
            Assert.Equal("skipped", RehearsalSummary.Outcome(io.Out, "EXIT GATE"));
            Assert.Equal("GATE green", RehearsalSummary.Outcome(io.Out, "pre-flight"));
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
        Assert.Equal("GATE red", RehearsalSummary.Outcome(io.Out, "teardown"));
        Assert.Equal("GATE red", RehearsalSummary.Outcome(io.Out, "networks"));
        Assert.Contains(io.Out, l => l.StartsWith("PRECONDITION teardown: `slate teardown` must come first", StringComparison.Ordinal) && l.Contains("domain-off openstack1", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  domain-off     openstack1: no such domain: re-enrolment needs it", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack0: shut off", StringComparison.Ordinal));
    }
}
