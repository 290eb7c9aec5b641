using System.Net;
using System.Net.Sockets;
using Slate.Lab.Hypervisor;
using Slate.Lab.Hypervisor.Http;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Preflight;
using static Slate.Runbook.Tests.CaracalCloud;

namespace Slate.Runbook.Tests.Preflight;

/// <summary>Every finding pre-flight can raise, and the whole list (severity, code, subject) for the clouds that raise them.</summary>
public sealed class PreflightFindingsTests
{
    private static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    /// <summary>All eight machines the site names are in MAAS; the model runs on the four hosts.</summary>
    private static RecordedMaas WholeCloud(IReadOnlyList<MaasSpace>? spaces = null) => new("caracal-testcloud", spaces ?? SixSpaces(),
        [.. Hosts.Select((h, i) => Deployed(h, $"host{i}")), Deployed("capi-mgmt", "orphan"),
         Deployed("juju", "prot-j"), Deployed("lxd", "prot-l"), Deployed("tailscale", "prot-t")]);

    private static RecordedJuju ModelOnHosts() => new(model => new JujuModelStatus(model,
        [.. Hosts.Select((_, i) => new JujuMachine($"{i}", $"host{i}", null, null, null, new JujuStatusValue("started", null), null, []))], [], []));

    private static IEnumerable<(Severity, string, string)> Summary(PreflightReport report) =>
        report.Findings.Select(f => (f.Severity, f.Code, f.Subject));

    [Fact]
    public async Task A_cloud_as_the_site_describes_it_has_no_finding_at_all()
    {
        var report = await PreflightAsync(WholeCloud(), LabHypervisor.FromSite(Caracal), ModelOnHosts());

        Assert.Empty(report.Findings);
        Assert.False(report.HasFatal);
        Assert.Equal(Hosts, report.Juju!.Machines.Select(m => m.Hostname));
        Assert.Equal(
            [.. Hosts.Select((h, i) => (h, MachineRole.Host, $"host{i}")), ("capi-mgmt", MachineRole.Orphan, "orphan"),
             ("juju", MachineRole.Protected, "prot-j"), ("lxd", MachineRole.Protected, "prot-l"), ("tailscale", MachineRole.Protected, "prot-t")],
            report.Machines.Select(m => (m.Hostname, m.Role, m.SystemId!)));
        Assert.All(report.OsdDisks, d => Assert.Equal(("running", "libvirt-qemu:kvm"), (d.DomainState, d.Owner)));
    }

    /// <summary>
    /// A device on a plane that no container of the model and no protected machine accounts for is a warning naming its
    /// addresses and the command that deletes it; the model's own container devices, a protected machine's child and a
    /// device off the planes are not.
    /// </summary>
    [Fact]
    public async Task A_device_on_a_plane_no_container_accounts_for_is_a_warning_with_the_command_that_deletes_it()
    {
        var maas = WholeCloud();
        maas.Devices.AddRange(
        [
            new MaasDevice("stray1", "juju-0a1b2c-1-lxd-0", null, ["10.12.8.40", "192.168.9.9"]),
            new MaasDevice("kept01", "juju-ffffff-0-lxd-0", "host0", ["10.12.8.41"]),
            new MaasDevice("ours01", "juju-abcdef-2-lxd-0", "host2", ["10.12.8.42"]),
            new MaasDevice("prot01", "juju-cafe00-0-lxd-3", "prot-l", ["10.12.8.43"]),
            new MaasDevice("switch", "tor-switch", null, ["192.168.9.1"]),
            new MaasDevice("orphn1", "juju-dead00-7-lxd-0", "gone99", ["10.12.4.50"]),
        ]);
        var juju = new RecordedJuju(model => new JujuModelStatus(model,
            [.. Hosts.Select((_, i) => new JujuMachine($"{i}", $"host{i}", null, null, null, new JujuStatusValue("started", null), null,
                i == 2 ? [new JujuMachine("2/lxd/0", "juju-abcdef-2-lxd-0", "juju-abcdef-2-lxd-0", null, null, null, null, [])] : []))], [], []));

        var report = await PreflightAsync(maas, LabHypervisor.FromSite(Caracal), juju);

        Assert.Equal([(Severity.Warning, "stray-device", "juju-0a1b2c-1-lxd-0"), (Severity.Warning, "stray-device", "juju-ffffff-0-lxd-0"),
            (Severity.Warning, "stray-device", "juju-dead00-7-lxd-0")], Summary(report));
        Assert.Equal(
            "MAAS device juju-0a1b2c-1-lxd-0 (stray1, no parent) holds 10.12.8.40 on metal-admin, and no container of openstack accounts for it " +
            "(a container of an earlier model?): its addresses collide with the carve's; if it is stale, delete it: maas $PROFILE device delete stray1",
            report.Findings[0].Message);
        Assert.Contains("(kept01, child of openstack0)", report.Findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("(orphn1, child of gone99) holds 10.12.4.50 on provider-public", report.Findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_cloud_without_the_model_or_two_protected_machines_lists_exactly_those()
    {
        var maas = new RecordedMaas("caracal-testcloud", SixSpaces(), [Deployed("openstack0", "a1b2c3"), Deployed("juju", "jj0001")]);

        var report = await PreflightAsync(maas, LabHypervisor.FromSite(Caracal), RecordedJuju.Without("openstack"));

        Assert.Equal(
            [(Severity.Warning, "protected-absent", "lxd"), (Severity.Warning, "protected-absent", "tailscale"), (Severity.Info, "model-absent", "openstack")],
            Summary(report));
        Assert.False(report.HasFatal);
    }

    [Fact]
    public async Task A_space_holding_a_second_subnet_is_a_warning_naming_it()
    {
        var spaces = SixSpaces().Select(s => s.Name == "storage" ? s with { Cidrs = ["10.12.32.0/22", "10.99.0.0/24"] } : s).ToList();

        var report = await PreflightAsync(WholeCloud(spaces), LabHypervisor.FromSite(Caracal), ModelOnHosts());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Warning, "space-extra-subnet", "storage"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("space storage also holds 10.99.0.0/24", finding.Message);
        Assert.Equal(PlaneState.Ok, report.Planes.Single(p => p.Name == "storage").State);
        Assert.False(report.HasFatal);
    }

    [Fact]
    public async Task A_space_with_no_subnet_is_a_wrong_cidr_that_says_so()
    {
        var spaces = SixSpaces().Select(s => s.Name == "replication" ? s with { Cidrs = [] } : s).ToList();

        var report = await PreflightAsync(WholeCloud(spaces), LabHypervisor.FromSite(Caracal), ModelOnHosts());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Fatal, "space-cidr"), (finding.Severity, finding.Code));
        Assert.Equal("space replication holds no subnet, expected 10.12.36.0/22", finding.Message);
        Assert.True(report.HasFatal);
    }

    [Fact]
    public async Task An_unreachable_hypervisor_is_a_hard_blocker_and_no_disk_is_guessed()
    {
        using var hypervisor = new LabHypervisorClient($"lab+http://127.0.0.1:{ClosedLoopbackPort()}/", "token");

        var report = await PreflightAsync(WholeCloud(), hypervisor, ModelOnHosts());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Fatal, "hypervisor-unreachable", "hypervisor"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Contains("cannot reach the lab hypervisor", finding.Message);
        Assert.Empty(report.OsdDisks);
        Assert.True(report.HasFatal);
    }

    [Fact]
    public async Task A_host_without_its_domain_is_a_hard_blocker_for_that_host()
    {
        var hypervisor = LabHypervisor.FromSite(Caracal);
        hypervisor.UndefineWithStorage("openstack3");

        var report = await PreflightAsync(WholeCloud(), hypervisor, ModelOnHosts());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Fatal, "domain-missing", "openstack3"), (finding.Severity, finding.Code, finding.Subject));
        var row = report.OsdDisks.Single(d => d.Host == "openstack3");
        Assert.Equal(("absent", null, null, null), (row.DomainState, row.Owner, row.Mode, row.AllocationBytes));
        Assert.True(report.HasFatal);
    }

    [Fact]
    public async Task A_juju_that_cannot_be_asked_blocks_because_the_model_might_hold_a_protected_machine()
    {
        var juju = new RecordedJuju(_ => throw new JujuException(JujuFailure.CommandFailed, "juju status timed out") { Argv = ["juju", "status"], ExitCode = null, StderrTail = "" });

        var report = await PreflightAsync(WholeCloud(), LabHypervisor.FromSite(Caracal), juju);

        Assert.Equal([(Severity.Fatal, "juju-unreadable", "openstack")], Summary(report));
        Assert.Equal("the model cannot be read: juju status timed out", report.Findings[0].Message);
        Assert.Null(report.Juju);
    }

    [Fact]
    public async Task A_plane_whose_subnet_moved_names_both_cidrs()
    {
        var spaces = SixSpaces().Select(s => s.Name == "metal-internal" ? s with { Cidrs = ["10.12.13.0/24"] } : s).ToList();

        var report = await PreflightAsync(WholeCloud(spaces), LabHypervisor.FromSite(Caracal), ModelOnHosts());

        Assert.Equal("space metal-internal holds 10.12.13.0/24, expected 10.12.12.0/22", Assert.Single(report.Findings).Message);
    }

    [Fact]
    public async Task A_model_machine_on_a_machine_the_site_does_not_name_shows_its_instance_id()
    {
        var juju = new RecordedJuju(model => new JujuModelStatus(model,
            [new JujuMachine("5", "zz9999", null, null, null, new JujuStatusValue("started", null), null, [])], [], []));

        var report = await PreflightAsync(WholeCloud(), LabHypervisor.FromSite(Caracal), juju);

        Assert.Equal("instance-id zz9999 is not a machine the site names", Assert.Single(report.Findings).Message);
    }

    [Fact]
    public async Task A_model_machine_without_an_instance_id_is_named_as_such()
    {
        var juju = new RecordedJuju(model => new JujuModelStatus(model,
            [new JujuMachine("7", null, null, null, null, new JujuStatusValue("pending", null), null, [])], [], []));

        var report = await PreflightAsync(WholeCloud(), LabHypervisor.FromSite(Caracal), juju);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Warning, "model-machine-unknown", "machine 7"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("instance-id none is not a machine the site names", finding.Message);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
