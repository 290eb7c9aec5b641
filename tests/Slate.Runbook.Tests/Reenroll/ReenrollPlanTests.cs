using Slate.Runbook.Core;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>Step 5's plan (discover → assert → pin) on the domains and a scripted MAAS.</summary>
public sealed class ReenrollPlanTests
{
    private readonly ReenrollWorld _world = new();

    [Fact]
    public async Task After_the_teardown_each_host_is_created_from_its_domains_boot_nic_and_no_password_is_asked()
    {
        var plan = (await _world.AssessAsync()).Plan;

        var creates = plan.Actions.Where(a => a.Kind == "enlist-machine").ToList();
        Assert.Equal(ReenrollWorld.Hosts, creates.Select(a => a.Subject));
        foreach (var create in creates)
        {
            var host = create.Subject;
            Assert.Equal(
                $"architecture=amd64/generic host={host} mac={_world.BootMac(host)} power_address=qemu+ssh://jessea123@10.12.8.1/system power_id={host} power_type=virsh",
                string.Join(" ", create.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
        }
        var wait = plan.Actions[^1];
        Assert.Equal("await-ready", wait.Kind);
        Assert.Equal(string.Join(",", ReenrollWorld.Hosts.Select(h => $"{h}={_world.BootMac(h)}")), wait.Argument("hosts"));
        Assert.False(plan.HasFatal);
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "power-password-exposed" } && f.Message.Contains("op=power_parameters") && f.Message.Contains("Rotate"));
        Assert.Equal(ReenrollWorld.Hosts.Select(h => $"{h} | defined | {_world.BootMac(h)} | - | absent | create"),
            plan.Tables.Single().Rows.Select(r => string.Join(" | ", r)));
        Assert.Empty(_world.Prompts);
        Assert.Equal(1, _world.Maas.MacReads);
    }

    [Fact]
    public async Task A_missing_domain_is_fatal_refused_as_step_3_not_holding_and_apply_creates_nothing()
    {
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var run = await new StepRunner(_world.Services, new RecordingObserver(), new Interruption(), []).RunAsync(_world.Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal(["networks", "osd"], run.Assessment.Plan.Findings.Where(f => f.Code == "out-of-order").Select(f => f.Subject));
        var finding = Assert.Single(run.Assessment.Plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal(("domain-missing", "openstack2"), (finding.Code, finding.Subject));
        Assert.Empty(_world.Maas.Enlisted);
        Assert.Empty(_world.Prompts);
        Assert.DoesNotContain(_world.Services.MemoryJournal.Written, e => e.Step == "reenroll");
    }

    [Fact]
    public async Task A_machine_holding_a_boot_mac_under_another_hostname_is_fatal_naming_both()
    {
        var other = _world.Maas.Add("spare-vm", "Ready", _world.BootMac("openstack1"));

        var plan = (await _world.AssessAsync()).Plan;

        var finding = Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal(("mac-elsewhere", "openstack1", "spare-vm"), (finding.Code, finding.Subject, finding.Observed));
        Assert.Contains($"spare-vm ({other.SystemId}) holds {_world.BootMac("openstack1")}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_maas_already_has_is_pinned_with_its_id_and_never_created_again()
    {
        var pinned = _world.Maas.Add("openstack0", "Ready", _world.BootMac("openstack0"));

        var plan = (await _world.AssessAsync()).Plan;

        Assert.Equal(["openstack1", "openstack2", "openstack3"], plan.Actions.Where(a => a.Kind == "enlist-machine").Select(a => a.Subject));
        Assert.Equal($"openstack0 | defined | {_world.BootMac("openstack0")} | {pinned.SystemId} | Ready | pinned", string.Join(" | ", plan.Tables[0].Rows[0]));
    }

    [Fact]
    public async Task When_every_host_is_ready_there_is_nothing_to_do()
    {
        foreach (var host in ReenrollWorld.Hosts)
            _world.Maas.Add(host, "Ready", _world.BootMac(host));

        var assessment = await _world.AssessAsync();

        Assert.Empty(assessment.Plan.Actions);
        Assert.False(assessment.Plan.HasFatal);
        Assert.True(assessment.Gate.Green);
    }

    [Fact]
    public async Task A_pinned_host_still_commissioning_is_only_waited_for()
    {
        foreach (var host in ReenrollWorld.Hosts)
            _world.Maas.Add(host, host == "openstack3" ? "Testing" : "Ready", _world.BootMac(host));

        var plan = (await _world.AssessAsync()).Plan;

        Assert.Equal(["await-ready"], plan.Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task A_pinned_host_maas_put_back_to_new_gets_its_power_set_again_and_commissions_instead_of_a_fatal()
    {
        foreach (var host in ReenrollWorld.Hosts)
            _world.Maas.Add(host, host == "openstack2" ? "New" : "Ready", _world.BootMac(host));
        var unpowered = _world.Maas.Machines.Single(m => m.Hostname == "openstack2");
        (unpowered.Message, unpowered.PowerState) = (EnrolmentMaas.Unpowered, "error");

        var plan = (await _world.AssessAsync()).Plan;

        Assert.False(plan.HasFatal);
        Assert.Equal(["repower-machine", "await-ready"], plan.Actions.Select(a => a.Kind));
        var repower = plan.Actions[0];
        Assert.Equal(
            $"host=openstack2 power_address=qemu+ssh://jessea123@10.12.8.1/system power_id=openstack2 system_id={unpowered.SystemId}",
            string.Join(" ", repower.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
        Assert.Contains($"({EnrolmentMaas.Unpowered}), power error", repower.Description, StringComparison.Ordinal);
        Assert.Equal($"openstack2 | defined | {_world.BootMac("openstack2")} | {unpowered.SystemId} | New | re-power, commission", string.Join(" | ", plan.Tables[0].Rows[2]));
        Assert.Empty(_world.Prompts);
    }

    [Theory]
    [InlineData("Failed commissioning", "pinned-not-enrolling")]
    [InlineData("Deployed", "pinned-not-enrolling")]
    public async Task A_pinned_host_in_any_other_state_is_fatal(string status, string code)
    {
        _world.Maas.Add("openstack2", status, _world.BootMac("openstack2")).Message = "commissioning script failed";

        var plan = (await _world.AssessAsync()).Plan;

        var finding = Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal((code, "openstack2", status), (finding.Code, finding.Subject, finding.Observed));
        Assert.Contains("(commissioning script failed)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_machine_with_the_hostname_but_not_the_boot_mac_is_fatal()
    {
        _world.Maas.Add("openstack3", "Ready", "52:54:00:99:99:99");

        var plan = (await _world.AssessAsync()).Plan;

        var finding = Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal(("hostname-elsewhere", "openstack3"), (finding.Code, finding.Subject));
        Assert.DoesNotContain(plan.Actions, a => a.Subject == "openstack3");
    }

    [Fact]
    public async Task A_site_without_a_boot_network_refuses_to_plan_creates()
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith("  boot_network: metal-admin", ""), "site.yaml");
        _world.Services = _world.Services with { Site = site };

        var plan = (await _world.AssessAsync()).Plan;

        Assert.Equal("boot-network-unset", Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal).Code);
        Assert.DoesNotContain(plan.Actions, a => a.Kind == "enlist-machine");
    }

    [Fact]
    public async Task Two_nics_on_the_boot_network_make_the_boot_mac_ambiguous()
    {
        _world.Hypervisor.Define("openstack9", [new("52:54:00:aa:00:01", "metal-admin", 1), new("52:54:00:aa:00:02", "metal-admin", 2)]);
        var site = SiteLoader.Parse(SiteFiles.CaracalWith("{ name: openstack3, n: 13, provider_mac: \"52:54:00:0c:04:0d\" }",
            "{ name: openstack3, n: 13, provider_mac: \"52:54:00:0c:04:0d\" }\n  - { name: openstack9, n: 19 }"), "site.yaml");
        _world.Services = _world.Services with { Site = site };

        var plan = (await _world.AssessAsync()).Plan;

        var finding = Assert.Single(plan.Findings, f => f.Severity == Severity.Fatal);
        Assert.Equal(("boot-nic", "openstack9"), (finding.Code, finding.Subject));
        Assert.Contains("2 NICs on metal-admin", finding.Message, StringComparison.Ordinal);
    }
}
