using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Preflight;

/// <summary>An in-memory MAAS answer set for pure step-logic tests; it records which hostnames were asked for.</summary>
internal sealed class RecordedMaas(string maasName, IReadOnlyList<MaasSpace> spaces, IReadOnlyList<MaasMachine> machines) : IMaas
{
    public List<string> Calls { get; } = [];

    public Task<string> GetMaasNameAsync(CancellationToken ct)
    {
        Calls.Add("maas_name");
        return Task.FromResult(maasName);
    }

    public Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct)
    {
        Calls.Add("spaces");
        return Task.FromResult(spaces);
    }

    public Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        Calls.Add("machines?" + string.Join(",", hostnames));
        return Task.FromResult<IReadOnlyList<MaasMachine>>(machines.Where(m => hostnames.Contains(m.Hostname)).ToList());
    }

    public Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw new NotSupportedException("pre-flight is read-only");

    public Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct) =>
        throw new NotSupportedException("pre-flight and the teardown never read by MAC");

    public Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct) => throw new NotSupportedException("pre-flight is read-only");
}
