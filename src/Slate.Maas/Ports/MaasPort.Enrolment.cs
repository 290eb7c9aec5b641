using Slate.Maas.Models;
using Slate.Runbook.Ports;

namespace Slate.Maas.Ports;

/// <summary>Re-enrolment (runbook Step 5): machines created from surviving libvirt domains, and read back by MAC.</summary>
public sealed partial class MaasPort
{
    public Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct) => Translated(async () =>
    {
        var found = new List<EnlistedMachine>();
        foreach (var chunk in macs.Chunk(ValuesPerRead))
        {
            var machines = await client.Machines.ListAsync(new MachineFilter { MacAddresses = chunk }, ct).ConfigureAwait(false);
            found.AddRange(machines.Select(Enlisted));
        }
        return (IReadOnlyList<EnlistedMachine>)found;
    });

    public Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct) => Translated(async () =>
    {
        var created = await client.Machines.CreateAsync(new MachineCreate
        {
            Hostname = enlistment.Hostname,
            Architecture = enlistment.Architecture,
            MacAddresses = [enlistment.BootMac],
            PowerAddress = enlistment.Power.Address,
            PowerId = enlistment.Power.Domain,
            PowerPass = new MaasSecret(enlistment.Power.Password.Reveal()),
        }, ct).ConfigureAwait(false);
        return Enlisted(created);
    });

    public Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct) => Translated(async () =>
    {
        await client.Machines.UpdatePowerAsync(systemId, new MachinePower
        {
            PowerAddress = power.Address,
            PowerId = power.Domain,
            PowerPass = new MaasSecret(power.Password.Reveal()),
        }, ct).ConfigureAwait(false);
        return true;
    });

    public Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct) =>
        Translated(async () => Enlisted(await client.Machines.CommissionAsync(systemId, ct).ConfigureAwait(false)));

    private static EnlistedMachine Enlisted(Machine m) => new(m.SystemId, m.Hostname, m.StatusName, m.StatusMessage ?? "", m.PowerState ?? "unknown",
        m.InterfaceSet.Select(i => i.MacAddress).OfType<string>().Select(mac => mac.ToLowerInvariant()).Distinct().ToList());
}
