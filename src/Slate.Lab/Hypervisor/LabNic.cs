namespace Slate.Lab.Hypervisor;

/// <summary>
/// A lab domain's NIC: its MAC, the libvirt network it is attached to, and the PCI address virt-install gives it
/// (one bus per NIC, slot 0). The guest kernel names it from that address (<see cref="KernelName"/>).
/// </summary>
public sealed record LabNic(string Mac, string Network, int PciBus, int PciSlot = 0)
{
    /// <summary>The predictable name systemd-udev gives a PCI NIC: enp&lt;bus&gt;s&lt;slot&gt;.</summary>
    public string KernelName => FormattableString.Invariant($"enp{PciBus}s{PciSlot}");
}
