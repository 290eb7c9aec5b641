using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.OsdWipe;

public sealed class OsdWipeStepTests
{
    private const string Images = "/var/lib/libvirt/images";
    private const long GiB = 1L << 30;
    private readonly AfterTeardownWorld _world = new();

    private OsdWipeStep Step(AfterTeardownWorld? world = null) => new((world ?? _world).Services);

    private static string Osd(string host) => $"{Images}/{host}-1.qcow2";

    private static string Os(string host) => $"{Images}/{host}.qcow2";

    private Task<StorageVolume?> VolumeAsync(string path) => _world.Hypervisor.FindVolumeAsync(path, CancellationToken.None);

    /// <summary>The same cloud, judged by a site whose OSD rule is edited.</summary>
    private static AfterTeardownWorld WithRule(Func<OsdDiskRule, OsdDiskRule> edit) =>
        new(AfterTeardownWorld.CaracalSite with { Osd = edit(AfterTeardownWorld.CaracalSite.Osd) });

    private static IEnumerable<string> Codes(StepRun run, Severity severity) =>
        run.Assessment.Plan.Findings.Where(f => f.Severity == severity).Select(f => $"{f.Code} {f.Subject}");

    [Fact]
    public async Task The_dry_run_shows_each_dirty_vdb_and_plans_one_wipe_per_disk()
    {
        var run = await _world.RunAsync(Step(), RunMode.Plan);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(run.Assessment.Plan.Findings);
        Assert.Equal(AfterTeardownWorld.Hosts.Select(h => $"wipe-osd {h} {Osd(h)} yes"),
            run.Assessment.Plan.Actions.Select(a => $"{a.Kind} {a.Subject} {a.Arguments["path"]} {a.Arguments["exists"]}"));
        Assert.Equal(ReportTable.Row("openstack2", "shut off", "vdb", Osd("openstack2"), "qcow2 1.1", "512 GiB", "137 GiB", "libvirt-qemu:kvm mode 644", "WIPE"),
            run.Assessment.Plan.Tables[0].Rows[2]);
        var confirmation = Step().ConfirmationFor(run.Assessment.Plan)!;
        Assert.Equal("4", confirmation.Expected);
        Assert.Equal(AfterTeardownWorld.Hosts.Select(h => $"{h} {Osd(h)}"), confirmation.Targets);
        Assert.Equal(137 * GiB, (await VolumeAsync(Osd("openstack0")))!.AllocationBytes);
    }

    [Fact]
    public async Task Apply_with_the_number_of_disks_recreates_each_vdb_blank_leaves_vda_alone_and_a_rerun_plans_nothing()
    {
        var osDisks = new Dictionary<string, StorageVolume?>();
        foreach (var host in AfterTeardownWorld.Hosts) osDisks[host] = await VolumeAsync(Os(host));

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.True(run.Gate!.Green, string.Join("; ", run.Gate.Lines.Where(l => !l.Holds)));
        foreach (var host in AfterTeardownWorld.Hosts)
        {
            var osd = (await VolumeAsync(Osd(host)))!;
            Assert.Equal((512 * GiB, "qcow2", "1.1", new VolumeOwner(0, "root", 0, "root"), Convert.ToInt32("600", 8)),
                (osd.CapacityBytes, osd.Format, osd.Compat, osd.Owner, osd.Mode));
            Assert.InRange(osd.AllocationBytes, 1, (1L << 20) - 1);
            Assert.Equal(osDisks[host], await VolumeAsync(Os(host)));
        }
        Assert.Equal(["confirmed", "plan", .. AfterTeardownWorld.Hosts.SelectMany(h => new[] { $"started {h}", $"done {h}" }), "gate"], _world.Journalled("osd"));
        Assert.Contains(_world.Observer.Events, e => e == $"progress openstack1: deleting {Osd("openstack1")} (qcow2 compat 1.1, 512 GiB virtual, 137 GiB allocated)");
        Assert.Equal(["osd-attached", "osd-blank", "osd-owner", "os-disk-same"], run.Gate.Lines.Take(4).Select(l => l.Code));
        var plan = _world.Services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Plan);
        Assert.Equal($"the baseline journalled by run {plan.Run} at {plan.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", run.Gate.Basis);

        var again = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Ok, again.ExitCode);
        Assert.Empty(again.Assessment.Plan.Actions);
        Assert.All(again.Assessment.Plan.Tables[0].Rows, r => Assert.Equal("blank already", r[^1]));
    }

    [Fact]
    public async Task A_gate_with_no_plan_applied_before_compares_with_no_run()
    {
        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        Assert.Null(gate.Gate!.Basis);
    }

    [Fact]
    public async Task A_wrong_confirmation_is_refused_with_exit_4_and_nothing_changed()
    {
        var run = await _world.RunAsync(Step(), RunMode.Apply, "3");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_host_still_in_MAAS_or_a_running_domain_refuses_with_exit_4_once_naming_the_teardown_and_nothing_changed()
    {
        _world.Enrol("openstack0");
        _world.Hypervisor.SetState("openstack3", DomainState.Running);

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal("`slate teardown` must come first: its gate does not hold yet (host-gone openstack0: id-openstack0 Ready, domain-off openstack3: running)",
            Assert.Single(run.Assessment.Plan.Findings, f => f.Severity == Severity.Precondition).Message);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_site_whose_osd_rule_points_at_the_os_disk_is_fatal()
    {
        var world = WithRule(rule => rule with { FileTemplate = "{images}/{host}.qcow2" });

        var run = await world.RunAsync(Step(world), RunMode.Apply, "4");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Contains("osd-is-os-disk openstack0", Codes(run, Severity.Fatal));
        Assert.Contains("osd-path-differs openstack0", Codes(run, Severity.Fatal));
    }

    [Fact]
    public async Task A_site_whose_osd_device_is_vda_is_fatal()
    {
        var world = WithRule(rule => rule with { Device = "vda", NeverTouch = [] });

        var run = await world.RunAsync(Step(world), RunMode.Plan);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Contains("osd-device-is-os-disk osd.device", Codes(run, Severity.Fatal));
        Assert.Contains("osd-is-os-disk openstack2", Codes(run, Severity.Fatal));
    }

    [Fact]
    public async Task A_site_whose_osd_rule_leaves_the_images_folder_by_dot_dot_is_fatal()
    {
        var world = WithRule(rule => rule with { FileTemplate = "{images}/../{host}-1.qcow2" });
        world.Hypervisor.DefineDomain("openstack1", DomainState.ShutOff,
            [new DomainDisk("vda", "disk", Os("openstack1"), "qcow2"), new DomainDisk("vdb", "disk", $"{Images}/../openstack1-1.qcow2", "qcow2")], []);

        var run = await world.RunAsync(Step(world), RunMode.Apply, "4");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        var outside = Assert.Single(run.Assessment.Plan.Findings, f => f.Code == "osd-outside-images");
        Assert.Equal(("openstack1", "/var/lib/libvirt/openstack1-1.qcow2"), (outside.Subject, outside.Observed));
    }

    [Fact]
    public async Task A_vdb_that_is_a_symbolic_link_out_of_the_images_folder_is_fatal()
    {
        _world.Hypervisor.Symlink(Osd("openstack1"), "/srv/ceph/openstack1.qcow2");

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["osd-outside-images openstack1"], Codes(run, Severity.Fatal));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_vdb_attached_to_two_domains_or_to_none_is_fatal()
    {
        _world.Hypervisor.DefineDomain("bystander", DomainState.ShutOff, [new DomainDisk("vdc", "disk", Osd("openstack2"), "qcow2")], []);
        _world.Hypervisor.DefineDomain("openstack3", DomainState.ShutOff, [new DomainDisk("vda", "disk", Os("openstack3"), "qcow2")], []);

        var run = await _world.RunAsync(Step(), RunMode.Apply, "3");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal(["osd-shared openstack2", "osd-not-attached openstack3"], Codes(run, Severity.Fatal));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task A_missing_vdb_file_is_created_and_the_gate_goes_red_when_an_os_disk_changes()
    {
        await _world.Hypervisor.DeleteVolumeAsync(Osd("openstack0"), CancellationToken.None);

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");
        await _world.Hypervisor.DeleteVolumeAsync(Os("openstack2"), CancellationToken.None);
        await _world.Hypervisor.CreateVolumeAsync(new VolumeSpec(Os("openstack2"), 64 * GiB, "qcow2", "root", "root", 384), CancellationToken.None);
        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("no", run.Assessment.Plan.Actions[0].Arguments["exists"]);
        Assert.Equal(ExitCode.GateRed, gate.ExitCode);
        Assert.Equal(["os-disk-same openstack2"], gate.Gate!.Lines.Where(l => !l.Holds).Select(l => $"{l.Code} {l.Subject}"));
    }

    [Fact]
    public async Task The_gate_before_the_wipe_names_each_dirty_disk_and_its_owner()
    {
        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, gate.ExitCode);
        var red = gate.Gate!.Lines.Where(l => !l.Holds).ToList();
        Assert.Equal(AfterTeardownWorld.Hosts.SelectMany(h => new[] { $"osd-blank {h}", $"osd-owner {h}" }), red.Select(l => $"{l.Code} {l.Subject}"));
        Assert.Equal(("qcow2 compat 1.1, 512 GiB virtual, 137 GiB allocated", "libvirt-qemu:kvm mode 644"), (red[0].Observed, red[1].Observed));
        Assert.Equal(("qcow2 compat 1.1, 512 GiB virtual, under 1 MiB allocated", "root:root mode 600"), (red[0].Expected, red[1].Expected));
    }

    [Fact]
    public async Task A_missing_host_domain_refuses_as_the_teardown_not_holding_and_an_unreachable_hypervisor_is_fatal()
    {
        _world.Hypervisor.UndefineWithStorage("openstack1");
        var unreachable = new AfterTeardownWorld(hypervisor: new UnreachableHypervisor());

        var missing = await _world.RunAsync(Step(), RunMode.Apply, "3");
        var down = await unreachable.RunAsync(Step(unreachable), RunMode.Apply, "4");

        Assert.Equal((ExitCode.Refused, ExitCode.GateRed), (missing.ExitCode, down.ExitCode));
        Assert.Equal(["out-of-order teardown"], Codes(missing, Severity.Precondition));
        Assert.Contains(missing.Assessment.Gate.Lines, l => l is { Code: "osd-attached", Subject: "openstack1", Holds: false, Observed: "no vdb" });
        Assert.Equal(["hypervisor-unreachable hypervisor"], Codes(down, Severity.Fatal));
    }

    [Fact]
    public async Task A_domain_whose_vdb_changed_between_plan_and_wipe_is_not_touched()
    {
        _world.Observer.OnActionStarted = _ => _world.Hypervisor.DefineDomain("openstack0", DomainState.ShutOff,
            [new DomainDisk("vda", "disk", Os("openstack0"), "qcow2"), new DomainDisk("vdb", "disk", $"{Images}/elsewhere.qcow2", "qcow2")], []);

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var first = run.Actions[0];
        Assert.Equal((ActionOutcome.Failed, $"openstack0's vdb is {Images}/elsewhere.qcow2 now, not {Osd("openstack0")}: nothing wiped"), (first.Outcome, first.Detail));
        Assert.Equal(137 * GiB, (await VolumeAsync(Osd("openstack0")))?.AllocationBytes);
        Assert.All(run.Actions.Skip(1), a => Assert.Null(a.Outcome));
    }

    private async Task AssertUntouchedAsync()
    {
        foreach (var host in AfterTeardownWorld.Hosts)
            Assert.Equal(137 * GiB, (await VolumeAsync(Osd(host)))?.AllocationBytes);
        Assert.DoesNotContain(_world.Services.MemoryJournal.Written, e => e.Event is JournalEvent.Started or JournalEvent.Plan);
    }
}
