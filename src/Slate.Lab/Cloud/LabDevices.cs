using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>
/// MAAS's devices (api/devices.py): registered with their addresses as STICKY rows of their subnets, deleted with
/// their rows; a machine's child devices go when it is released or deleted (models/node.py start_releasing: "If this
/// node has non-installable children, remove them"; the parent foreign key cascades on delete).
/// </summary>
public sealed class LabDevices
{
    private readonly LabCloud _cloud;
    private readonly List<LabDevice> _devices = [];

    internal LabDevices(LabCloud cloud) => _cloud = cloud;

    public IReadOnlyList<LabDevice> All { get { lock (_cloud.SyncRoot) return [.. _devices]; } }

    public LabDevice? Find(string systemId)
    {
        lock (_cloud.SyncRoot) return _devices.Find(d => d.SystemId == systemId);
    }

    /// <summary>A device holding the next free address of each subnet (as MAAS's STICKY allocation picks it).</summary>
    public LabDevice Register(string hostname, string? parent, string mac, IEnumerable<LabSubnet> subnets)
    {
        lock (_cloud.SyncRoot)
        {
            var addresses = new List<(LabSubnet, IPAddress)>();
            var device = new LabDevice(_cloud.Machines.NewSystemId(), hostname, parent, mac, addresses);
            foreach (var subnet in subnets)
            {
                var ip = _cloud.Networks.NextFreeAddress(subnet);
                addresses.Add((subnet, ip));
                _cloud.Networks.AddStanding(new LabAddressRow(ip, subnet, AddressKind.Sticky,
                    new LabAddressHolder(device.SystemId, hostname, NodeKind.Device, LabDevice.InterfaceName, IsContainer: parent is not null)));
            }
            _devices.Add(device);
            _cloud.Record("maas", $"device {hostname} ({device.SystemId}) registered{(parent is null ? "" : $" under {parent}")}: {string.Join(", ", addresses.Select(a => a.Item2))}");
            return device;
        }
    }

    public void Delete(string systemId)
    {
        lock (_cloud.SyncRoot)
        {
            var device = _devices.Find(d => d.SystemId == systemId) ?? throw LabApiException.NotFound("Device");
            Remove(device, "deleted");
        }
    }

    /// <summary>The machine's child devices leave MAAS with it.</summary>
    internal void DeleteChildrenOf(LabMachine machine)
    {
        foreach (var child in _devices.Where(d => d.Parent == machine.SystemId).ToList())
            Remove(child, $"deleted with its parent {machine.Hostname}");
    }

    private void Remove(LabDevice device, string how)
    {
        _devices.Remove(device);
        _cloud.Networks.RemoveStanding(row => row.Holder?.SystemId == device.SystemId);
        _cloud.Record("maas", $"device {device.Hostname} ({device.SystemId}) {how}");
    }
}
