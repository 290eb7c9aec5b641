using Slate.Runbook.Preflight;

namespace Slate.Runbook.Tests.Preflight;

/// <summary>Pre-flight's CHECK block as tables: each plane's state, each machine's baseline, the model's machines, absences shown as such.</summary>
public sealed class PreflightBaselineTablesTests
{
    private static readonly PreflightReport Report = new(
        [
            new PlaneCheck("provider-public", "10.12.4.0/22", ["10.12.4.0/22"], PlaneState.Ok),
            new PlaneCheck("metal-admin", "10.12.8.0/22", [], PlaneState.Missing),
            new PlaneCheck("storage", "10.12.32.0/22", ["10.12.32.0/24", "10.12.33.0/24"], PlaneState.WrongCidr),
        ],
        [
            new MachineBaseline("openstack0", MachineRole.Host, "host00", "Deployed", "on"),
            new MachineBaseline("capi-mgmt", MachineRole.Orphan, null, null, null),
        ],
        [new OsdDiskBaseline("openstack0", "running", "/var/lib/libvirt/images/openstack0-1.qcow2", null, null, null)],
        new JujuBaseline("openstack", [new JujuMachineBaseline("0", "host00", "openstack0", "started"), new JujuMachineBaseline("7", null, null, null)]),
        []);

    private static IEnumerable<string> Rows(string titleStart) =>
        Assert.Single(PreflightTables.Of(CaracalCloud.Caracal, Report), t => t.Title.StartsWith(titleStart, StringComparison.Ordinal)).Rows.Select(r => string.Join("|", r));

    [Fact]
    public void Each_plane_reads_ok_missing_or_wrong_with_what_maas_has()
    {
        Assert.Equal(["provider-public|10.12.4.0/22|10.12.4.0/22|ok", "metal-admin|10.12.8.0/22|-|MISSING", "storage|10.12.32.0/22|10.12.32.0/24, 10.12.33.0/24|WRONG CIDR"],
            Rows("planes"));
    }

    [Fact]
    public void A_machine_maas_does_not_have_reads_absent()
    {
        Assert.Equal(["openstack0|host|host00|Deployed|on", "capi-mgmt|orphan|-|absent|-"], Rows("machines"));
    }

    [Fact]
    public void The_models_machines_are_listed_and_one_that_is_no_site_machine_is_called_out()
    {
        Assert.Equal(["0|host00|openstack0|started", "7|-|NOT A SITE MACHINE|-"], Rows("juju model openstack (the teardown's targets)"));
        Assert.Equal(["planes", "machines", "juju", "OSD"], PreflightTables.Of(CaracalCloud.Caracal, Report).Select(t => t.Title.Split(' ')[0]));
    }

    [Fact]
    public void Without_a_model_there_is_no_model_table_and_an_osd_disk_without_an_owner_reads_absent()
    {
        var tables = PreflightTables.Of(CaracalCloud.Caracal, Report with { Juju = null });

        Assert.Equal(3, tables.Count);
        Assert.Equal("openstack0|running|/var/lib/libvirt/images/openstack0-1.qcow2|absent|-", string.Join("|", tables[^1].Rows[0]));
    }
}
