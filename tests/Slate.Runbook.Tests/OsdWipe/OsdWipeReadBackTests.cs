using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.OsdWipe;

/// <summary>The wipe's read-back (a volume created wrong, or not at all) and the gate on a disk that is not there.</summary>
public sealed class OsdWipeReadBackTests
{
    private const string Osd0 = "/var/lib/libvirt/images/openstack0-1.qcow2";
    private readonly AfterTeardownWorld _world = new();

    private Task<StepRun> ApplyAsync(StubbornHypervisor hypervisor) =>
        _world.ApplyOnAsync(hypervisor, services => new OsdWipeStep(services), "4");

    [Fact]
    public async Task A_disk_recreated_with_another_mode_is_unknown_and_says_what_it_reads_back_as()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { CreatesWithMode = 420 });

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var first = run.Actions[0];
        Assert.Equal(ActionOutcome.Unknown, first.Outcome);
        Assert.Equal($"{Osd0} was recreated but reads back as qcow2 compat 1.1, 512 GiB virtual, 192 KiB allocated, root:root mode 644", first.Detail);
    }

    [Fact]
    public async Task A_disk_that_is_not_there_after_the_create_is_unknown()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { IgnoresCreate = true });

        Assert.Equal((ActionOutcome.Unknown, $"{Osd0} was recreated but reads back as absent"), (run.Actions[0].Outcome, run.Actions[0].Detail));
    }

    [Fact]
    public async Task A_missing_osd_disk_fails_its_blank_and_owner_lines()
    {
        await _world.Hypervisor.DeleteVolumeAsync(Osd0, CancellationToken.None);

        var run = await _world.RunAsync(new OsdWipeStep(_world.Services), RunMode.Gate);

        var lines = run.Gate!.Lines.Where(l => l.Subject == "openstack0").ToList();
        Assert.Equal(["osd-attached holds", "osd-blank no such volume", "osd-owner no such volume", "os-disk-same holds"],
            lines.Select(l => l.Holds ? $"{l.Code} holds" : $"{l.Code} {l.Observed}"));
        Assert.StartsWith("/var/lib/libvirt/images/openstack0.qcow2: ", lines[3].Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_hypervisor_is_one_red_line()
    {
        var down = new AfterTeardownWorld(hypervisor: new UnreachableHypervisor());

        var run = await down.RunAsync(new OsdWipeStep(down.Services), RunMode.Gate);

        var line = Assert.Single(run.Gate!.Lines);
        Assert.Equal(("hypervisor", false), (line.Code, line.Holds));
        Assert.Contains("cannot connect to libvirt", line.Observed, StringComparison.Ordinal);
    }
}
