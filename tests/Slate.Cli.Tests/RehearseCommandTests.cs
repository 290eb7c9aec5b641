using Slate.Cli.Tests.Phase;

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
        Assert.Equal([.. RunbookList.Labels, "EXIT GATE"], summary.Keys);
        Assert.All(summary.Values, row => Assert.Equal("GATE green", row.Outcome));
        Assert.All(summary.Values, row => Assert.True(row.Calls > 0));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       reenroll: openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  model-gone     teardown: openstack", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  pattern-a      carve openstack2: ", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("Step 2 — teardown, Path B: destroy", StringComparison.Ordinal));
        // The lab settles in minutes: the rehearsal waits for it as long as the list says, not a real cloud's half hour.
        Assert.Contains(io.Out, l => l.EndsWith("destroy-storage openstack; wait up to 2m for it and for the hosts to leave MAAS", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.EndsWith("which the gate names), up to 5m", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.Contains("Type the model name to continue: openstack    ← typed by the rehearsal itself", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  host-gone      openstack3:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack3: shut off", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  chassis-macs   openstack3:", StringComparison.Ordinal));
        // Commissioning left the NICs without a DHCP lease on fabrics of their own, and the carve moved them (issue 27).
        Assert.Contains(io.Out, l => l.Contains("set-vlan             openstack1 enp1s0: move from VLAN untagged of fabric-", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.Contains("openstack1 enp8s0: STATIC 10.12.16.11 on 10.12.16.0/22 with force (MAAS moves it off VLAN untagged of fabric-", StringComparison.Ordinal));
        var total = Assert.Single(io.Out, l => l.StartsWith("Rehearsal: ", StringComparison.Ordinal));
        Assert.Equal($"Rehearsal: 12 of 12 step(s) green; {summary.Values.Sum(r => r.Calls) + 1} MAAS API calls; 0 protected-machine violation(s)", total);
    }
}

public sealed class RehearseWithOwnSiteTests
{
    [Fact]
    public async Task A_site_without_a_bundle_beside_it_skips_the_bundle_gate_and_is_not_green()
    {
        await OwnSiteFolder.RunAsync(async dir =>
        {
            var site = Path.Combine(dir, "mine.yaml");
            File.Copy(CliHarness.SitePath, site);

            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--site", site);

            Assert.Equal(3, code);
            Assert.Equal("skipped", RehearsalSummary.Outcome(io.Out, "bundle gate"));
            Assert.Equal("skipped", RehearsalSummary.Outcome(io.Out, "EXIT GATE"));
            Assert.Equal("GATE green", RehearsalSummary.Outcome(io.Out, "pre-flight"));
        });
    }
}

public sealed class RehearseWithDhcpOnEveryPlaneTests
{
    /// <summary>A cloud whose MAAS serves DHCP on every plane: every NIC is leased onto its plane's VLAN, so the carve moves none.</summary>
    [Fact]
    public async Task A_site_that_serves_dhcp_on_every_plane_rehearses_green_with_no_vlan_moves()
    {
        await OwnSiteFolder.RunAsync(async dir =>
        {
            var site = Path.Combine(dir, "dhcp.yaml");
            var text = File.ReadAllText(CliHarness.SitePath);
            foreach (var (cidr, range) in new[] { ("10.12.4.0/22,  vid: 0", "10.12.7.0-10.12.7.254"), ("10.12.12.0/22, vid: 103", "10.12.15.0-10.12.15.254"),
                         ("10.12.16.0/22, vid: 0", "10.12.19.0-10.12.19.254"), ("10.12.32.0/22, vid: 0", "10.12.35.0-10.12.35.254"),
                         ("10.12.36.0/22, vid: 0", "10.12.39.0-10.12.39.254") })
            {
                Assert.Contains(cidr + " }", text);
                text = text.Replace(cidr + " }", $"{cidr}, dhcp: {range} }}", StringComparison.Ordinal);
            }
            File.WriteAllText(site, text);
            File.Copy(CliHarness.BundlePath, Path.Combine(dir, "dhcp.bundle.yaml"));
            File.Copy(Path.Combine(CliHarness.SitesDir, "keystone-policyd-override.zip"), Path.Combine(dir, "keystone-policyd-override.zip"));

            var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--site", site);

            Assert.True(code == 0, string.Join("\n", io.Out));
            Assert.DoesNotContain(io.Out, l => l.Contains("set-vlan", StringComparison.Ordinal) || l.Contains("with force", StringComparison.Ordinal));
            Assert.Contains("Summary: 0 fatal, 10 changes", io.Out);
        });
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
