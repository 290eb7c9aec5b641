using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Standup;
using Slate.Runbook.Tests.Carve;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Standup;

/// <summary>Step 7a on the carve's MAAS: one line per plane condition and per Ready host's interface, a DRIFT per difference.</summary>
public sealed class StandupStepTests
{
    private static async Task<StepRun> CheckAsync(CarveMaas maas, RunMode mode = RunMode.Gate)
    {
        var services = new TestServices(CaracalCloud.Caracal, maas, RecordedJuju.Without("openstack"),
            Slate.Lab.Hypervisor.LabHypervisor.FromSite(CaracalCloud.Caracal), new FastTime());
        return await new StepRunner(services, new RecordingObserver(), new Interruption(), []).RunAsync(new StandupStep(services), mode);
    }

    /// <summary>openstack0 carved after Step 5 brought every host back; the others then gone from MAAS.</summary>
    private static async Task<CarveMaas> CarvedAsync(CarveMaas maas)
    {
        maas.Add("abc123", "openstack0", "Ready", CarveMaas.Commissioned());
        maas.WithOthersReady("openstack0");
        var services = new TestServices(CaracalCloud.Caracal, maas, RecordedJuju.Without("openstack"),
            Slate.Lab.Hypervisor.LabHypervisor.FromSite(CaracalCloud.Caracal), new FastTime());
        var step = Slate.Runbook.Carve.CarveStep.Definition.Create(services,
            new StepArguments(new Dictionary<string, IReadOnlyList<string>> { ["host"] = ["openstack0"] }) { Mode = RunMode.Apply });
        var carved = await new StepRunner(services, new RecordingObserver(), new Interruption(), ["openstack0"]).RunAsync(step, RunMode.Apply);
        Assert.Equal(ExitCode.Ok, carved.ExitCode);
        foreach (var other in CaracalCloud.Caracal.Hosts.Where(h => h.Name != "openstack0"))
            maas.Remove("id-" + other.Name);
        return maas;
    }

    [Fact]
    public async Task The_runbooks_topology_and_a_carved_host_are_ok_and_hosts_not_ready_are_named_not_checked()
    {
        var maas = await CarvedAsync(new CarveMaas());
        maas.Add("def456", "openstack1", "Deployed", CarveMaas.Commissioned());

        var run = await CheckAsync(maas, RunMode.Plan);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.True(run.Gate!.Green);
        var plan = run.Assessment.Plan;
        Assert.Equal("OK", plan.Summary);
        // per plane: space, subnet, VLAN; the tagged plane also its fabric; then openstack0's nine interfaces and its strays
        Assert.Equal(6 * 3 + 1 + 9 + 1, run.Gate.Lines.Count);
        Assert.Equal(["openstack1", "openstack2", "openstack3"], plan.Findings.Select(f => f.Subject));
        Assert.All(plan.Findings, f => Assert.Equal((Severity.Info, "host-not-checked"), (f.Severity, f.Code)));
        Assert.Equal(["not Ready (Deployed): its interfaces are not checked", "not Ready (not in MAAS): its interfaces are not checked"],
            plan.Findings.Take(2).Select(f => f.Message));
        Assert.Equal("metal-internal|10.12.12.0/22|metal-internal|103|fabric-1", string.Join("|", plan.Tables[0].Rows[2]));
        var fabric = Assert.Single(run.Gate.Lines, l => l.Code == "fabric");
        Assert.Equal(("metal-internal VLAN (carried by metal-admin)", "on fabric-1"), (fabric.Subject, fabric.Observed));
    }

    [Fact]
    public async Task A_subnet_in_another_space_on_another_vlan_and_a_missing_plane_subnet_each_drift()
    {
        var subnets = new CarveMaas().Topology.Subnets.ToList();
        subnets[1] = subnets[1] with { Space = null };
        subnets[3] = subnets[3] with { Vlan = CarveMaas.Data with { Vid = 7 } };
        subnets.RemoveAt(5);
        var spaces = new List<MaasSpace>
        {
            new(1, "provider-public", ["10.12.4.0/22"]), new(2, "metal-admin", []), new(3, "metal-internal", ["10.12.12.0/22"]),
            new(4, "data-tenant", ["10.12.16.0/22"]), new(5, "storage", ["10.12.32.0/22", "10.12.36.0/22"]),
        };

        var run = await CheckAsync(new CarveMaas(subnets, spaces), RunMode.Plan);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.False(run.Gate!.Green);
        Assert.Equal(
        [
            "DRIFT space metal-admin: expected holds 10.12.8.0/22 only, observed no subnet",
            "DRIFT subnet 10.12.8.0/22: expected in space metal-admin, observed in space undefined",
            "DRIFT subnet 10.12.16.0/22 on fabric-2: expected untagged, observed VLAN 7",
            "DRIFT space storage: expected holds 10.12.32.0/22 only, observed holds 10.12.32.0/22, 10.12.36.0/22",
            "DRIFT space replication: expected holds 10.12.36.0/22 only, observed absent",
            "DRIFT subnet 10.12.36.0/22: expected in space replication, observed absent",
        ], run.Assessment.Plan.Summary!.Split(Environment.NewLine));
        Assert.Equal("replication|10.12.36.0/22|—|—|—", string.Join("|", run.Assessment.Plan.Tables[0].Rows[5]));
        Assert.Equal("metal-admin|10.12.8.0/22|undefined|0|fabric-1", string.Join("|", run.Assessment.Plan.Tables[0].Rows[1]));
    }

    [Fact]
    public async Task A_tagged_plane_on_another_fabric_than_its_carrier_drifts()
    {
        var subnets = new CarveMaas().Topology.Subnets.ToList();
        subnets[2] = subnets[2] with { Vlan = CarveMaas.Internal with { FabricId = 2, Fabric = "fabric-2" } };

        var run = await CheckAsync(new CarveMaas(subnets));

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        var red = Assert.Single(run.Gate!.Lines, l => !l.Holds);
        Assert.Equal(("fabric", "on fabric-1", "on fabric-2"), (red.Code, red.Expected, red.Observed));
    }

    [Fact]
    public async Task A_ready_hosts_interface_that_is_not_pattern_a_drifts_under_its_plain_name()
    {
        var maas = new CarveMaas();
        maas.Add("abc123", "openstack0", "Ready", CarveMaas.Commissioned());

        var run = await CheckAsync(maas);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        var red = run.Gate!.Lines.Where(l => !l.Holds).ToList();
        Assert.Equal(["openstack0 br-ex", "openstack0 br-metal", "openstack0 br-metal.103", "openstack0 br-internal", "openstack0 enp8s0",
            "openstack0 enp9s0", "openstack0 enp10s0"], red.Select(l => l.Subject));
        Assert.Equal(("bridge ovs on enp1s0, static 10.12.4.10", "absent"), (red[0].Expected, red[0].Observed));
    }

    [Fact]
    public void Only_a_tagged_plane_has_a_carrier_the_untagged_plane_its_vlan_interface_sits_on()
    {
        var site = CaracalCloud.Caracal;

        Assert.Equal("metal-admin", StandupCheck.Carrier(site, site.Plane("metal-internal"))?.Name);
        Assert.All(site.Planes.Where(p => p.Vid == 0), p => Assert.Null(StandupCheck.Carrier(site, p)));
    }

    [Fact]
    public void A_tagged_plane_no_interface_carries_has_no_carrier_and_no_fabric_line()
    {
        var site = Slate.Runbook.Sites.SiteLoader.Parse(Slate.Runbook.Tests.Sites.SiteFiles.CaracalWith("parent: br-metal.103, plane: metal-internal }", "parent: br-metal.103 }"), "caracal.yaml");
        var maas = new CarveMaas();

        Assert.Null(StandupCheck.Carrier(site, site.Plane("metal-internal")));
        Assert.DoesNotContain(StandupCheck.Judge(site, new StandupObservation(maas.Topology, [])), l => l.Code == "fabric");
    }

    private static MaasFabric Fabric(int id, params int[] vids) =>
        new(id, $"fabric-{id}", vids.Select((vid, i) => new MaasVlan(6000 + 10 * id + i, vid, id, $"fabric-{id}", null)).ToList());

    [Fact]
    public async Task A_fabric_with_no_subnet_on_any_vlan_and_no_hosts_interface_is_a_note_with_the_command_that_removes_it_and_the_gate_is_unchanged()
    {
        var stray = Fabric(8, 0, 20);
        var subnets = new CarveMaas().Topology.Subnets.Append(new MaasSubnet(7, "192.0.2.0/24", stray.Vlans[1], null)).ToList();
        var plain = await CheckAsync(new CarveMaas(subnets), RunMode.Plan);

        var run = await CheckAsync(new CarveMaas(subnets, strayFabrics: [Fabric(7, 0), stray, Fabric(9, 0, 30)]), RunMode.Plan);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal("OK", run.Assessment.Plan.Summary);
        Assert.Equal(plain.Gate!.Lines, run.Gate!.Lines);
        var notes = run.Assessment.Plan.Findings.Where(f => f.Code == EmptyFabrics.Code).ToList();
        Assert.Equal(["fabric-7", "fabric-9"], notes.Select(f => f.Subject));
        Assert.All(notes, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal("has no subnet on any of its VLANs and no interface of the site's hosts (commissioning makes such a fabric for each NIC " +
                     "that got no DHCP lease); if no other node's interface is on it (the fabric listing does not show them, and MAAS refuses " +
                     "the delete while one is), remove it: maas $PROFILE fabric delete 9", notes[1].Message);
    }

    [Fact]
    public async Task A_fabric_a_hosts_interface_is_on_is_not_noted_even_when_the_host_is_not_ready()
    {
        var stray = Fabric(7, 0);
        var maas = new CarveMaas(strayFabrics: [stray, Fabric(8, 0)]);
        maas.Add("def456", "openstack1", "Deployed", [.. CarveMaas.Commissioned(), CarveMaas.Nic(6, "enp11s0", stray.Vlans[0])]);

        var run = await CheckAsync(maas, RunMode.Plan);

        Assert.Equal(["fabric-8"], run.Assessment.Plan.Findings.Where(f => f.Code == EmptyFabrics.Code).Select(f => f.Subject));
    }

    [Fact]
    public async Task The_default_fabric_is_never_noted_as_maas_refuses_to_delete_it()
    {
        var subnets = new CarveMaas().Topology.Subnets.Where(s => s.Vlan.FabricId is not (0 or 4)).ToList();

        var run = await CheckAsync(new CarveMaas(subnets), RunMode.Plan);

        Assert.Equal(["fabric-4"], run.Assessment.Plan.Findings.Where(f => f.Code == EmptyFabrics.Code).Select(f => f.Subject));
    }
}
