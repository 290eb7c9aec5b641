using System.Globalization;
using System.Net;
using Slate.Lab.Cloud;

namespace Slate.Lab.Juju;

/// <summary>
/// Builds the controller's models as they stand before phase 00: the <c>controller</c> model on the MAAS machine
/// named juju (when the site has one) and the OpenStack model with one machine per site host. Units sit directly on
/// the machines (no LXD containers): enough for the teardown, which sees machines, applications, relations and the
/// OSD storage.
/// </summary>
internal static class LabJujuSeeder
{
    private const string Channel = "2024.1/stable";
    private const string OsdStorage = "osd-devices";

    public static LabJujuModel Controller(LabCloud cloud, string uuid, DateTimeOffset now)
    {
        var model = new LabJujuModel("controller", uuid, isController: true, now);
        if (cloud.Machines.FindByHostname("juju") is { } host)
            model.Machines.Add(new LabJujuMachine("0", host.SystemId, host.Hostname, AddressOf(host) ?? "", [], now));
        return model;
    }

    public static LabJujuModel OpenStack(LabCloud cloud, string uuid, DateTimeOffset now)
    {
        var site = cloud.Site;
        var model = new LabJujuModel(site.Cloud.JujuModel, uuid, isController: false, now);
        var publicPlane = site.Plane(site.Bundle.PublicPlane);
        foreach (var (host, index) in site.Hosts.Select((h, i) => (h, i)))
        {
            var machine = cloud.Machines.FindByHostname(host.Name)
                ?? throw new InvalidOperationException($"the lab MAAS has no machine {host.Name} to seed the juju model from");
            var addresses = site.Planes.Select(p => p.AddressFor(host.Number).ToString()).ToList();
            model.Machines.Add(new LabJujuMachine(
                index.ToString(CultureInfo.InvariantCulture), machine.SystemId, machine.Hostname,
                publicPlane.AddressFor(host.Number).ToString(), addresses, now, NetworkInterfaces(cloud, machine)));
        }
        var all = model.Machines.Select(m => m.Id).ToList();
        var three = all.Take(3).ToList();
        Principal(model, "keystone", three);
        Principal(model, "mysql-innodb-cluster", three);
        Principal(model, "ceph-mon", three);
        Principal(model, "ceph-osd", all);
        Principal(model, "nova-compute", all);
        Subordinate(model, "keystone-mysql-router", "mysql-router", "keystone");
        Subordinate(model, "ovn-chassis", "ovn-chassis", "nova-compute");
        model.Relations.AddRange(
        [
            new("keystone", "shared-db", "keystone-mysql-router", "shared-db"),
            new("keystone-mysql-router", "db-router", "mysql-innodb-cluster", "db-router"),
            new("mysql-innodb-cluster", "cluster", "mysql-innodb-cluster", "cluster"),
            new("ceph-osd", "mon", "ceph-mon", "osd"),
            new("nova-compute", "neutron-plugin", "ovn-chassis", "nova-compute"),
        ]);
        OsdDevices(model, site.Osd, now);
        return model;
    }

    // ceph-osd's osd-devices: one block storage instance per unit on the site's OSD disk. The lab treats these volumes
    // as persistent (detachable, hence model-scoped ids 0, 1, ...), so destroy-model demands --destroy-storage or --release-storage as juju does for
    // persistent storage (cmd/juju/model/destroy.go, handlePersistentStorageError).
    private static void OsdDevices(LabJujuModel model, Slate.Runbook.Sites.OsdDiskRule osd, DateTimeOffset now)
    {
        foreach (var unit in model.Application("ceph-osd")!.Units)
        {
            var number = unit.Name[(unit.Name.IndexOf('/') + 1)..];
            model.Storage.Add(new LabJujuStorage(
                $"{OsdStorage}/{number}", number, osd.SizeBytes / (1024 * 1024), persistent: true,
                unit.Name, unit.Machine!, $"/dev/{osd.Device}", now));
        }
    }

    // What juju recorded of the machine's NICs when it was provisioned: those with an address, in the site's plane (space).
    private static List<LabJujuNetworkInterface> NetworkInterfaces(LabCloud cloud, LabMachine machine) =>
        machine.Interfaces
            .Select(nic => (nic, Addresses: nic.Links.Select(l => l.IpAddress).OfType<IPAddress>().ToList()))
            .Where(n => n.Addresses.Count > 0)
            .Select(n => new LabJujuNetworkInterface(
                n.nic.Name, n.nic.MacAddress, [.. n.Addresses.Select(a => a.ToString())],
                cloud.Site.Planes.FirstOrDefault(p => p.Cidr.Contains(n.Addresses[0]))?.Name))
            .ToList();

    private static void Principal(LabJujuModel model, string name, IReadOnlyList<string> machines)
    {
        var application = new LabJujuApplication(name, name, Channel, 1, subordinateTo: null);
        for (var i = 0; i < machines.Count; i++)
            application.Units.Add(new LabJujuUnit($"{name}/{i}", machines[i], null, Leader: i == 0));
        model.Applications.Add(application);
    }

    private static void Subordinate(LabJujuModel model, string name, string charm, string principal)
    {
        var application = new LabJujuApplication(name, charm, Channel, 1, principal);
        var principals = model.Application(principal)!.Units;
        for (var i = 0; i < principals.Count; i++)
            application.Units.Add(new LabJujuUnit($"{name}/{i}", null, principals[i].Name, Leader: i == 0));
        model.Applications.Add(application);
    }

    private static string? AddressOf(LabMachine machine) =>
        machine.Interfaces.SelectMany(i => i.Links).Select(l => l.IpAddress).FirstOrDefault(a => a is not null)?.ToString();
}
