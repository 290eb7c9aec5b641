using Slate.Runbook.Ports;

using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>
/// A MAAS for re-enrolment's logic: machines by hostname and by MAC, a POST machines that starts commissioning, and each
/// read by MAC moving a machine it created one state on (Commissioning → Testing → Ready, Failed commissioning for the
/// hosts named, or back to New for the hosts it cannot power until their power is set again), unless Stuck. A create
/// can lose its answer after it was applied, or before.
/// </summary>
internal sealed class EnrolmentMaas : MaasWithoutNetwork
{
    private int _ids;

    public List<Machine> Machines { get; } = [];
    public List<MachineEnlistment> Enlisted { get; } = [];
    public List<string> PasswordsSent { get; } = [];
    public HashSet<string> FailCommissioning { get; } = [];
    public HashSet<string> Unpowerable { get; } = [];
    public List<(string SystemId, VirshPower Power)> PowerSet { get; } = [];
    public List<string> Commissioned { get; } = [];

    public const string Unpowered = "Failed to query node's BMC - (admin) - Aborting COMMISSIONING and reverting to NEW. " +
        "Unable to power control the node. Please check power credentials.";
    public int MacReads { get; private set; }

    /// <summary>Commissioning never completes.</summary>
    public bool Stuck { get; set; }

    /// <summary>Creates that are applied and then lose their answer (true) or are lost before MAAS applies them (false), in order.</summary>
    public Queue<bool> LostCreates { get; } = new();

    /// <summary>How many creates are refused with 503 before MAAS applies any (nothing happens).</summary>
    public int UnavailableCreates { get; set; }

    public sealed class Machine(string systemId, string hostname, string status, IReadOnlyList<string> macs)
    {
        public string SystemId { get; } = systemId;
        public string Hostname { get; } = hostname;
        public string Status { get; set; } = status;
        public string Message { get; set; } = "";
        public string PowerState { get; set; } = "off";
        public IReadOnlyList<string> Macs { get; } = macs;
        public bool Commissions { get; set; }
    }

    public Machine Add(string hostname, string status, params string[] macs)
    {
        var machine = new Machine($"id{++_ids:000}", hostname, status, macs);
        Machines.Add(machine);
        return machine;
    }

    public override Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult("caracal-testcloud");

    public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => throw new NotSupportedException("re-enrolment reads no spaces");

    public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MaasMachine>>(Machines.Where(m => hostnames.Contains(m.Hostname))
            .Select(m => new MaasMachine(m.SystemId, m.Hostname, 0, m.Status, "off", null,
                m.Macs.Select((mac, i) => new MaasInterface(i, $"eth{i}", "physical", mac, [], [])).ToList())).ToList());

    public override Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw new NotSupportedException("re-enrolment deletes nothing");

    public override Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct)
    {
        Assert.NotEmpty(macs); // an empty mac_address filter would list every machine
        MacReads++;
        var found = Machines.Where(m => m.Macs.Any(macs.Contains)).ToList();
        foreach (var machine in found)
            Advance(machine);
        return Task.FromResult<IReadOnlyList<EnlistedMachine>>(found.Select(m => ToEnlisted(m)).ToList());
    }

    public override Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct)
    {
        Enlisted.Add(enlistment);
        PasswordsSent.Add(enlistment.Power.Password.Reveal());
        if (UnavailableCreates-- > 0)
            throw new MaasException(MaasFailure.Unreachable, "MAAS answered POST machines/ with 503 ServiceUnavailable.");
        var lost = LostCreates.TryDequeue(out var applied);
        if (lost && !applied)
            throw new MaasException(MaasFailure.OutcomeUnknown, "The outcome of POST machines/ is unknown (no response)");
        var machine = Add(enlistment.Hostname, "Commissioning", enlistment.BootMac);
        machine.Message = "From 'New' to 'Commissioning'";
        machine.Commissions = true;
        if (lost)
            throw new MaasException(MaasFailure.OutcomeUnknown, "The outcome of POST machines/ is unknown (no response)");
        return Task.FromResult(ToEnlisted(machine));
    }

    /// <summary>The power update is applied and its answer lost.</summary>
    public bool LoseRepowerAnswer { get; set; }

    public override Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct)
    {
        PowerSet.Add((systemId, power));
        if (LoseRepowerAnswer)
            throw new MaasException(MaasFailure.OutcomeUnknown, $"The outcome of PUT machines/{systemId}/ is unknown (no response)");
        Unpowerable.Remove(Machines.Single(m => m.SystemId == systemId).Hostname);
        return Task.CompletedTask;
    }

    public override Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct)
    {
        Commissioned.Add(systemId);
        var machine = Machines.Single(m => m.SystemId == systemId);
        (machine.Status, machine.Message, machine.Commissions) = ("Commissioning", "From 'New' to 'Commissioning'", true);
        return Task.FromResult(ToEnlisted(machine));
    }

    private static EnlistedMachine ToEnlisted(Machine m) => new(m.SystemId, m.Hostname, m.Status, m.Message, m.PowerState, m.Macs);

    private void Advance(Machine machine)
    {
        if (Stuck || !machine.Commissions)
            return;
        if (machine.Status == "Commissioning" && Unpowerable.Contains(machine.Hostname))
        {
            (machine.Status, machine.Message, machine.PowerState) = ("New", Unpowered, "error");
            return;
        }
        (machine.Status, machine.Message) = machine.Status switch
        {
            "Commissioning" when FailCommissioning.Contains(machine.Hostname) => ("Failed commissioning", "Failed commissioning: 50-maas-01-commissioning exited 1"),
            "Commissioning" => ("Testing", "Testing"),
            "Testing" => ("Ready", "Ready"),
            _ => (machine.Status, machine.Message),
        };
    }
}
