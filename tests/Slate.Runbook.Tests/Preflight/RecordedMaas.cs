using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Preflight;

/// <summary>An in-memory MAAS answer set for pure step-logic tests; it records which hostnames were asked for.</summary>
internal sealed class RecordedMaas(string maasName, IReadOnlyList<MaasSpace> spaces, IReadOnlyList<MaasMachine> machines) : MaasWithoutNetwork
{
    public List<string> Calls { get; } = [];

    public override Task<string> GetMaasNameAsync(CancellationToken ct)
    {
        Calls.Add("maas_name");
        return Task.FromResult(maasName);
    }

    public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct)
    {
        Calls.Add("spaces");
        return Task.FromResult(spaces);
    }

    public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        Calls.Add("machines?" + string.Join(",", hostnames));
        return Task.FromResult<IReadOnlyList<MaasMachine>>(machines.Where(m => hostnames.Contains(m.Hostname)).ToList());
    }

    public override Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw new NotSupportedException("pre-flight is read-only");
}
