using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

/// <summary><c>vm-hosts/</c> (pods). Present up to MAAS 3.8; later servers answer 410 Gone.</summary>
public sealed class VmHostsClient
{
    private readonly MaasConnection _connection;

    internal VmHostsClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<VmHost>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("vm-hosts/", null, null, MaasJsonContext.Default.IReadOnlyListVmHost, ct);

    /// <summary>The VM host's power parameters (<c>op=parameters</c>), password kept as a <see cref="MaasSecret"/>.</summary>
    public Task<PowerParameters> GetParametersAsync(int vmHostId, CancellationToken ct = default) =>
        _connection.GetSecretsAsync($"vm-hosts/{vmHostId}/", "parameters", null, MaasJsonContext.Default.PowerParameters,
            ct);

    /// <summary>Composes a VM on the host (<c>op=compose</c>); the machine then commissions to Ready.</summary>
    public Task<MachineReference> ComposeAsync(
        int vmHostId, string hostname, int cores, int memoryMiB, CancellationToken ct = default) =>
        _connection.PostAsync($"vm-hosts/{vmHostId}/", "compose",
            new MaasForm().Add("hostname", hostname).Add("cores", cores).Add("memory", memoryMiB),
            MaasJsonContext.Default.MachineReference, ct);
}
