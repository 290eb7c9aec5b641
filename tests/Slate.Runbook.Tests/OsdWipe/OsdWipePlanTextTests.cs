using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.AfterTeardown;

namespace Slate.Runbook.Tests.OsdWipe;

/// <summary>
/// What the operator reads before and after typing the number of disks: each action's words, the plan column of the
/// disks table, the gate's observed path and journalled OS-disk baseline, and the refusals when the hypervisor drops.
/// </summary>
public sealed class OsdWipePlanTextTests
{
    private const string Images = "/var/lib/libvirt/images";
    private const string Blank = "create a blank qcow2 of 512 GiB (compat 1.1) owned root:root mode 600";
    private readonly AfterTeardownWorld _world = new();

    private OsdWipeStep Step() => new(_world.Services);

    private static string Osd(string host) => $"{Images}/{host}-1.qcow2";

    private static string Os(string host) => $"{Images}/{host}.qcow2";

    private static Dictionary<string, string> PlanColumn(StepRun run) => run.Assessment.Plan.Tables[0].Rows.ToDictionary(r => r[0], r => r[^1]);

    [Fact]
    public async Task Each_action_says_whether_it_deletes_first_and_the_table_marks_wipe_create_blank_already_and_none()
    {
        await _world.Hypervisor.DeleteVolumeAsync(Osd("openstack0"), CancellationToken.None);
        await _world.Hypervisor.DeleteVolumeAsync(Osd("openstack1"), CancellationToken.None);
        await _world.Hypervisor.CreateVolumeAsync(new VolumeSpec(Osd("openstack1"), 512L << 30, "qcow2", "root", "root", Convert.ToInt32("600", 8)), CancellationToken.None);
        _world.Hypervisor.DefineDomain("openstack3", DomainState.ShutOff, [new DomainDisk("vda", "disk", Os("openstack3"), "qcow2")], []);

        var run = await _world.RunAsync(Step(), RunMode.Plan);

        Assert.Equal([$"openstack0 {Blank}", $"openstack2 delete {Osd("openstack2")}, then {Blank}"],
            run.Assessment.Plan.Actions.Select(a => $"{a.Subject} {a.Description}"));
        Assert.Equal(new Dictionary<string, string> { ["openstack0"] = "create", ["openstack1"] = "blank already", ["openstack2"] = "WIPE", ["openstack3"] = "-" },
            PlanColumn(run));
    }

    [Fact]
    public async Task The_os_disk_is_vda_wherever_it_sits_in_the_domain_and_a_domain_without_one_is_red_not_a_crash()
    {
        _world.Hypervisor.DefineDomain("openstack2", DomainState.ShutOff,
            [new DomainDisk("vdb", "disk", Osd("openstack2"), "qcow2"), new DomainDisk("vda", "disk", Os("openstack2"), "qcow2")], []);
        _world.Hypervisor.DefineDomain("openstack3", DomainState.ShutOff, [new DomainDisk("vdb", "disk", Osd("openstack3"), "qcow2")], []);

        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        var osLines = gate.Gate!.Lines.Where(l => l.Code == "os-disk-same").ToDictionary(l => l.Subject);
        Assert.StartsWith($"{Os("openstack2")}: ", osLines["openstack2"].Observed);
        Assert.Equal((false, "vda: no OS disk"), (osLines["openstack3"].Holds, osLines["openstack3"].Observed));
    }

    [Fact]
    public async Task The_gate_shows_a_vdb_at_another_path_as_attached_wrongly_with_that_path()
    {
        var elsewhere = $"{Images}/elsewhere.qcow2";
        _world.Hypervisor.DefineDomain("openstack1", DomainState.ShutOff,
            [new DomainDisk("vda", "disk", Os("openstack1"), "qcow2"), new DomainDisk("vdb", "disk", elsewhere, "qcow2")], []);

        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        var attached = Assert.Single(gate.Gate!.Lines, l => l is { Code: "osd-attached", Subject: "openstack1" });
        Assert.Equal((false, $"vdb = {Osd("openstack1")}", elsewhere), (attached.Holds, attached.Expected, attached.Observed));
    }

    [Fact]
    public async Task After_the_wipe_the_gate_compares_each_os_disk_with_the_journalled_baseline_and_progress_names_the_create()
    {
        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        foreach (var line in run.Gate!.Lines.Where(l => l.Code == "os-disk-same"))
        {
            Assert.NotEqual("(no journalled baseline)", line.Expected);
            Assert.Equal($"{Os(line.Subject)}: {line.Expected}", line.Observed);
        }
        Assert.Contains(_world.Observer.Events, e => e ==
            $"progress openstack3: creating {Osd("openstack3")} blank (qcow2 compat 1.1, 512 GiB virtual, under 1 MiB allocated, root:root mode 600)");
    }

    [Theory]
    [InlineData(true, "domain openstack0 is running now, not shut off: nothing wiped")]
    [InlineData(false, "domain openstack0 is gone now, not shut off: nothing wiped")]
    public async Task A_domain_started_or_gone_between_plan_and_wipe_stops_the_run_on_re_observing_the_teardown_no_longer_holds(bool started, string detail)
    {
        _world.Observer.OnActionStarted = _ =>
        {
            _world.Observer.OnActionStarted = null;
            if (started) _world.Hypervisor.SetState("openstack0", DomainState.Running);
            else _world.Hypervisor.UndefineWithStorage("openstack0");
        };

        var run = await _world.RunAsync(Step(), RunMode.Apply, "4");

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal((ActionOutcome.Failed, detail), (run.Actions[0].Outcome, run.Actions[0].Detail));
        Assert.Equal([null, null, null], run.Actions.Skip(1).Select(a => a.Outcome));
        Assert.Contains(_world.Observer.Events, e => e.StartsWith("note Stopped: wipe-osd openstack0 failed; re-observed, the new plan is refused (out-of-order teardown)", StringComparison.Ordinal));
        Assert.Equal(137L << 30, (await _world.Hypervisor.FindVolumeAsync(Osd("openstack1"), CancellationToken.None))?.AllocationBytes);
    }

    [Fact]
    public Task A_hypervisor_that_drops_after_listing_the_domains_makes_the_plan_fatal_and_the_gate_red() =>
        _world.AssertUnreadableAfterDropAsync(services => new OsdWipeStep(services), "the disks");
}
