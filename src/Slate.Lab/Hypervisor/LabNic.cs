namespace Slate.Lab.Hypervisor;

/// <summary>A lab NIC: the guest's interface name (enp1s0, ...) is what the lab MAAS shows for this MAC.</summary>
public sealed record LabNic(string GuestName, string Mac, string Network);
