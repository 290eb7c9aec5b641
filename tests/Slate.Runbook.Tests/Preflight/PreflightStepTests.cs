using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using DomainState = Slate.Runbook.Ports.DomainState;
using Slate.Runbook.Preflight;
using Slate.Runbook.Tests.Support;
using static Slate.Runbook.Tests.CaracalCloud;

namespace Slate.Runbook.Tests.Preflight;

public sealed class PreflightStepTests
{
    [Fact]
    public async Task A_healthy_cloud_gives_the_baseline_and_no_fatal()
    {
        var maas = new RecordedMaas("caracal-testcloud", SixSpaces(),
            [Deployed("openstack0", "a1b2c3"), Deployed("capi-mgmt", "zz9999"), Deployed("juju", "jj0001"), Deployed("unrelated", "u00001")]);

        var report = await PreflightAsync(maas, LabHypervisor.FromSite(Caracal), RecordedJuju.Without("openstack"));

        Assert.False(report.HasFatal);
        Assert.All(report.Planes, p => Assert.Equal(PlaneState.Ok, p.State));
        Assert.Equal("a1b2c3", report.Machines.Single(m => m.Hostname == "openstack0").SystemId);
        Assert.Null(report.Machines.Single(m => m.Hostname == "openstack1").StatusName);
        Assert.Equal(MachineRole.Orphan, report.Machines.Single(m => m.Hostname == "capi-mgmt").Role);
        Assert.DoesNotContain(report.Machines, m => m.Hostname == "unrelated");
        Assert.Equal(["lxd", "tailscale"], report.Findings.Where(f => f.Code == "protected-absent").Select(f => f.Subject));
    }

    [Fact]
    public async Task A_missing_space_and_a_moved_subnet_are_hard_blockers()
    {
        var spaces = SixSpaces().Where(s => s.Name != "storage")
            .Select(s => s.Name == "metal-internal" ? s with { Cidrs = ["10.12.13.0/24"] } : s).ToList();
        var report = await PreflightAsync(new RecordedMaas("caracal-testcloud", spaces, []), LabHypervisor.FromSite(Caracal), RecordedJuju.Without("openstack"));

        Assert.True(report.HasFatal);
        Assert.Equal(PlaneState.Missing, report.Planes.Single(p => p.Name == "storage").State);
        Assert.Equal(PlaneState.WrongCidr, report.Planes.Single(p => p.Name == "metal-internal").State);
        Assert.Equal(["space-cidr", "space-missing"], report.Findings.Where(f => f.Severity == Severity.Fatal).Select(f => f.Code).Order());
    }

    [Fact]
    public async Task The_wrong_cloud_is_refused_before_anything_else_is_read()
    {
        var maas = new RecordedMaas("roosevelt", SixSpaces(), []);

        var error = await Assert.ThrowsAsync<WrongCloudException>(() => PreflightAsync(maas, LabHypervisor.FromSite(Caracal), RecordedJuju.Without("openstack")));

        Assert.Equal("roosevelt", error.Actual);
        Assert.Equal(["maas_name"], maas.Calls);
    }

    [Fact]
    public async Task The_osd_baseline_shows_each_hosts_domain_and_vdb_file()
    {
        var hypervisor = LabHypervisor.FromSite(Caracal);
        hypervisor.SetState("openstack2", DomainState.ShutOff);

        var report = await PreflightAsync(new RecordedMaas("caracal-testcloud", SixSpaces(), []), hypervisor, RecordedJuju.Without("openstack"));

        Assert.Equal(["openstack0", "openstack1", "openstack2", "openstack3"], report.OsdDisks.Select(d => d.Host));
        var row = report.OsdDisks.Single(d => d.Host == "openstack2");
        Assert.Equal(("shut off", "/var/lib/libvirt/images/openstack2-1.qcow2", "libvirt-qemu:kvm", "644"), (row.DomainState, row.Path, row.Owner, row.Mode));
        Assert.Equal("running", report.OsdDisks.Single(d => d.Host == "openstack0").DomainState);
    }

    [Fact]
    public async Task A_missing_domain_or_volume_is_reported()
    {
        var hypervisor = LabHypervisor.FromSite(Caracal);
        await hypervisor.DeleteVolumeAsync(Caracal.Osd.FileFor(Caracal.Host("openstack1"), Caracal.Libvirt.ImagesDir), CancellationToken.None);

        var report = await PreflightAsync(new RecordedMaas("caracal-testcloud", SixSpaces(), []), hypervisor, RecordedJuju.Without("openstack"));

        var row = report.OsdDisks.Single(d => d.Host == "openstack1");
        Assert.Null(row.Owner);
        Assert.Null(row.Mode);
    }

    private static JujuMachine ModelMachine(string id, string instance) => new(id, instance, null, null, null, new JujuStatusValue("started", null), null, []);

    [Fact]
    public async Task The_model_baseline_maps_instance_ids_to_maas_machines_and_flags_a_protected_one()
    {
        var maas = new RecordedMaas("caracal-testcloud", SixSpaces(), [Deployed("openstack0", "aaaaaa"), Deployed("juju", "jjjjjj")]);
        var juju = new RecordedJuju(_ => new JujuModelStatus("openstack",
            [ModelMachine("0", "aaaaaa"), ModelMachine("1", "jjjjjj"), ModelMachine("2", "zzzzzz")], [], [new JujuStatusError("unit x/0", "hook failed")]));

        var report = await PreflightAsync(maas, LabHypervisor.FromSite(Caracal), juju);

        Assert.Equal(["openstack0", "juju", null], report.Juju!.Machines.Select(m => m.Hostname));
        Assert.True(report.HasFatal);
        Assert.Equal("juju", Assert.Single(report.Findings, f => f.Code == "protected-in-model").Subject);
        Assert.Equal("machine 2", Assert.Single(report.Findings, f => f.Code == "model-machine-unknown").Subject);
        Assert.Single(report.Findings, f => f.Code == "juju-status-error" && f.Severity == Severity.Warning);
    }

    [Fact]
    public async Task An_absent_model_is_information_not_a_blocker()
    {
        var report = await PreflightAsync(new RecordedMaas("caracal-testcloud", SixSpaces(), []), LabHypervisor.FromSite(Caracal),
            RecordedJuju.Without("openstack"));

        Assert.Null(report.Juju);
        Assert.Equal(Severity.Info, Assert.Single(report.Findings, f => f.Code == "model-absent").Severity);
    }

    [Fact]
    public async Task Machines_are_read_with_one_filtered_call()
    {
        var maas = new RecordedMaas("caracal-testcloud", SixSpaces(), []);

        await PreflightAsync(maas, LabHypervisor.FromSite(Caracal), RecordedJuju.Without("openstack"));

        Assert.Equal(["maas_name", "spaces", "machines?openstack0,openstack1,openstack2,openstack3,capi-mgmt,juju,lxd,tailscale"], maas.Calls);
    }
}
