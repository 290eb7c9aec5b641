using Slate.Maas.Errors;
using Slate.Maas.Models;
using Slate.Runbook.Ports;

namespace Slate.Maas.Ports;

/// <summary>
/// The runbook's MAAS port over the REST client: the same code against a real MAAS and against the lab. Every client
/// failure is translated here, once, into the <see cref="MaasException"/> the domain reasons about.
/// </summary>
public sealed partial class MaasPort(MaasClient client) : IMaas, IDisposable
{
    /// <summary>Filter values (hostnames, MACs) per filtered read: 400 of them overflow the request line servers accept (measured: 414 from Kestrel).</summary>
    internal const int ValuesPerRead = 50;

    public Task<string> GetMaasNameAsync(CancellationToken ct) => Translated(() => client.Config.GetMaasNameAsync(ct));

    public Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => Translated(async () =>
    {
        var spaces = await client.Spaces.ListAsync(ct).ConfigureAwait(false);
        return (IReadOnlyList<MaasSpace>)spaces.Select(s => new MaasSpace(s.Id, s.Name, s.Subnets.Select(n => n.Cidr).ToList())).ToList();
    });

    public Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) => Translated(async () =>
    {
        var found = new List<MaasMachine>();
        foreach (var chunk in hostnames.Chunk(ValuesPerRead))
        {
            var machines = await client.Machines.ListAsync(new MachineFilter { Hostnames = chunk }, ct).ConfigureAwait(false);
            found.AddRange(machines.Select(ToPort));
        }
        return (IReadOnlyList<MaasMachine>)found;
    });

    public Task DeleteMachineAsync(string systemId, CancellationToken ct) =>
        Translated(async () => { await client.Machines.DeleteAsync(systemId, ct).ConfigureAwait(false); return true; });

    /// <summary>Disposes the client this port was given.</summary>
    public void Dispose() => client.Dispose();

    private static async Task<T> Translated<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (MaasApiException e)
        {
            throw new MaasException(FailureOf(e), e.Message, e, RetryAfterOf(e));
        }
    }

    // A 409 with Retry-After is MAAS's own "rolled back, ask again"; without it the object is in the wrong state.
    private static MaasFailure FailureOf(MaasApiException e) => e switch
    {
        MaasOutcomeUnknownException => MaasFailure.OutcomeUnknown,
        MaasUnreachableException or MaasUnavailableException => MaasFailure.Unreachable,
        MaasConflictException { RetryAfter: not null } => MaasFailure.Busy,
        MaasNotFoundException => MaasFailure.NotFound,
        MaasUnauthorizedException => MaasFailure.Unauthorized,
        _ => MaasFailure.Refused,
    };

    private static TimeSpan? RetryAfterOf(MaasApiException e) => e switch
    {
        MaasConflictException conflict => conflict.RetryAfter,
        MaasUnavailableException unavailable => unavailable.RetryAfter,
        _ => null,
    };

    private static MaasMachine ToPort(Machine m) => new(
        m.SystemId, m.Hostname, (int)m.Status, m.StatusName, m.PowerState ?? "unknown", m.Pod?.Name,
        m.InterfaceSet.Select(ToPort).ToList(), string.IsNullOrEmpty(m.Owner) ? null : m.Owner);
}
