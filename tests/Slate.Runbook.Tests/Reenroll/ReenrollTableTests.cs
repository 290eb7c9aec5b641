using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Reenroll;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>Step 5's hosts table, its refusals when nothing can be read, and which journal entries give the pre-teardown ids.</summary>
public sealed class ReenrollTableTests
{
    private readonly ReenrollWorld _world = new();

    private async Task<StepPlan> PlanAsync() => (await _world.AssessAsync()).Plan;

    private static string Row(StepPlan plan, string host) => string.Join(" | ", plan.Tables[0].Rows.Single(r => r[0] == host));

    [Fact]
    public async Task Each_host_reads_pinned_refused_or_absent_with_what_maas_holds()
    {
        var pinned = _world.Maas.Add("openstack0", "Ready", _world.BootMac("openstack0"));
        var stale = _world.Maas.Add("openstack1", "Deployed", "52:54:00:99:99:99");
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var plan = await PlanAsync();

        Assert.Equal($"openstack0 | defined | {_world.BootMac("openstack0")} | {pinned.SystemId} | Ready | pinned", Row(plan, "openstack0"));
        Assert.Equal($"openstack1 | defined | {_world.BootMac("openstack1")} | {stale.SystemId} | Deployed | REFUSED", Row(plan, "openstack1"));
        Assert.Equal("openstack2 | ABSENT | - | - | absent | REFUSED", Row(plan, "openstack2"));
        Assert.Equal("hosts (boot NIC on metal-admin; power address qemu+ssh://jessea123@10.12.8.1/system)", plan.Tables[0].Title);
    }

    [Fact]
    public async Task An_unreadable_hypervisor_is_the_one_fatal_finding()
    {
        _world.Services = _world.Services with { Hypervisor = new UnreachableHypervisor() };

        var plan = await PlanAsync();

        var fatal = Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal(("hypervisor-unreachable", "hypervisor"), (fatal.Code, fatal.Subject));
        Assert.StartsWith("the domains cannot be read: cannot connect to libvirt", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Actions, a => a.Kind == "enlist-machine");
    }

    [Fact]
    public async Task Without_a_boot_network_no_host_is_judged_further()
    {
        _world.Maas.Add("openstack3", "Ready", "52:54:00:99:99:99");
        _world.Services = _world.Services with { Site = SiteLoader.Parse(SiteFiles.CaracalWith("  boot_network: metal-admin", ""), "site.yaml") };

        var plan = await PlanAsync();

        Assert.Equal(["boot-network-unset"], plan.Findings.Where(f => f.Severity == Severity.Fatal).Select(f => f.Code));
        Assert.Equal("hosts (boot NIC on ?; power address qemu+ssh://jessea123@10.12.8.1/system)", plan.Tables[0].Title);
    }

    [Fact]
    public async Task Only_the_teardowns_applied_plans_of_this_cloud_give_the_pre_teardown_ids()
    {
        var journal = _world.Services.MemoryJournal;
        journal.Append(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Started, "f00", Arguments: new Dictionary<string, string> { ["host:openstack1"] = "started-entry" }));
        journal.Append(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "osd", JournalEvent.Plan, "f00", Arguments: new Dictionary<string, string> { ["host:openstack1"] = "osd-entry" }));
        journal.Append(new JournalEntry(DateTimeOffset.UnixEpoch, "other-cloud", "teardown", JournalEvent.Plan, "f00", Arguments: new Dictionary<string, string> { ["host:openstack1"] = "other-cloud" }));

        var plan = await PlanAsync();

        Assert.Equal("old-openstack1", plan.Baseline["pre-teardown:openstack1"]);
        Assert.Equal(4, plan.Baseline.Count);
    }

    [Theory]
    [InlineData("Ready", "", "")]
    [InlineData("Ready", "Ready", "")]
    [InlineData("Failed commissioning", "Failed commissioning: exited 1", " (Failed commissioning: exited 1)")]
    public void Maas_status_message_is_shown_only_when_it_says_more(string status, string message, string shown) =>
        Assert.Equal(shown, ReenrollPlanner.Message(status, message));
}
