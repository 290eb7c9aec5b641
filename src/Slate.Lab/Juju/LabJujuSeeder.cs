using System.Globalization;
using System.Net;
using Slate.Lab.Cloud;

namespace Slate.Lab.Juju;

/// <summary>
/// Builds the controller's models as they stand before phase 00: the <c>controller</c> model on the MAAS machine
/// named juju (when the site has one) and the OpenStack model with one machine per site host. The API charms sit in
/// LXD containers as the runbook's bundle places them, each registered in MAAS as a device holding its addresses; the
/// others sit on the machines. Enough for the teardown, which sees machines, containers, applications, relations and
/// the OSD storage.
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
        // sites/caracal-testcloud.bundle.yaml: mysql-innodb-cluster and ceph-mon to lxd:0-2, keystone to lxd:1-3.
        List<string> mysql = [.. model.Machines.Take(3).Select(m => Container(cloud, model, m))];
        List<string> cephMon = [.. model.Machines.Take(3).Select(m => Container(cloud, model, m))];
        List<string> keystone = [.. model.Machines.Skip(1).Take(3).Select(m => Container(cloud, model, m))];
        Principal(model, "keystone", keystone);
        Principal(model, "mysql-innodb-cluster", mysql);
        Principal(model, "ceph-mon", cephMon);
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

    /// <summary>
    /// A new LXD container on the machine, with the MAAS device juju registers for it: a child of the host, with an
    /// address on the boot plane and on the public plane (the API charms' bindings). Under the leftover-devices fault
    /// the device has no parent, so MAAS's release of the host does not take it along.
    /// </summary>
    private static string Container(LabCloud cloud, LabJujuModel model, LabJujuMachine host)
    {
        var index = host.Containers.Count;
        var id = $"{host.Id}/lxd/{index}";
        var hostname = $"juju-{model.Uuid[..6]}-{host.Id}-lxd-{index}";
        var mac = string.Format(CultureInfo.InvariantCulture, "00:16:3e:{0:x2}:{1:x2}:{2:x2}", int.Parse(host.Id, CultureInfo.InvariantCulture) >> 8, int.Parse(host.Id, CultureInfo.InvariantCulture) & 0xff, index);
        var publicPlane = cloud.Site.Plane(cloud.Site.Bundle.PublicPlane);
        var subnets = new[] { cloud.Networks.BootSubnet(), cloud.Networks.Subnets.First(s => s.Cidr.Equals(publicPlane.Cidr)) }.OfType<LabSubnet>().Distinct();
        var parent = cloud.Faults.LeftoverDevices.Contains(host.Hostname) ? null : host.InstanceId;
        var device = cloud.Devices.Register(hostname, parent, mac, subnets);
        host.Containers.Add(new LabJujuContainer(id, hostname, device.SystemId, mac, [.. device.Addresses.Select(a => a.Ip.ToString())]));
        return id;
    }

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
