using System.Text.Json;
using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class MachinesClient
{
    private readonly MaasConnection _connection;

    internal MachinesClient(MaasConnection connection) => _connection = connection;

    /// <summary>One filtered read; filters are applied by MAAS, so prefer this over listing everything.</summary>
    public Task<IReadOnlyList<Machine>> ListAsync(MachineFilter? filter = null, CancellationToken ct = default)
    {
        filter ??= MachineFilter.All;
        var query = new MaasForm()
            .AddEach("hostname", filter.Hostnames)
            .AddEach("id", filter.SystemIds)
            .AddEach("status", filter.Statuses.Select(StatusFilterName))
            .AddEach("mac_address", filter.MacAddresses)
            .AddEach("zone", filter.Zones)
            .AddEach("pool", filter.Pools)
            .AddEach("tags", filter.Tags);
        return _connection.GetAsync("machines/", null, query, MaasJsonContext.Default.IReadOnlyListMachine, ct);
    }

    public Task<Machine> GetAsync(string systemId, CancellationToken ct = default) =>
        _connection.GetAsync(ResourcePaths.Machine(systemId), null, null, MaasJsonContext.Default.Machine, ct);

    /// <summary>POST machines/. A lost answer raises <see cref="Errors.MaasOutcomeUnknownException"/>: look the machine up by MAC before retrying.</summary>
    public Task<Machine> CreateAsync(MachineCreate machine, CancellationToken ct = default)
    {
        var form = new MaasForm()
            .Add("hostname", machine.Hostname)
            .Add("architecture", machine.Architecture)
            .AddEach("mac_addresses", machine.MacAddresses)
            .Add("power_type", machine.PowerType)
            .Add("power_parameters_power_address", machine.PowerAddress)
            .Add("power_parameters_power_id", machine.PowerId)
            .Add("power_parameters_power_pass", machine.PowerPass?.Reveal())
            .Add("commission", machine.Commission)
            .Add("description", machine.Description)
            .Add("domain", machine.Domain)
            .Add("zone", machine.Zone)
            .Add("pool", machine.Pool);
        return _connection.PostAsync("machines/", null, form, MaasJsonContext.Default.Machine, ct);
    }

    /// <summary>PUT machines/{id}/ with the power type and parameters; the rest of the machine is left as it is.</summary>
    public Task<Machine> UpdatePowerAsync(string systemId, MachinePower power, CancellationToken ct = default)
    {
        var form = new MaasForm()
            .Add("power_type", power.PowerType)
            .Add("power_parameters_power_address", power.PowerAddress)
            .Add("power_parameters_power_id", power.PowerId)
            .Add("power_parameters_power_pass", power.PowerPass?.Reveal());
        return _connection.PutAsync(ResourcePaths.Machine(systemId), form, MaasJsonContext.Default.Machine, ct);
    }

    public Task<Machine> CommissionAsync(string systemId, CancellationToken ct = default) =>
        _connection.PostAsync(ResourcePaths.Machine(systemId), "commission", new MaasForm(), MaasJsonContext.Default.Machine,
            ct);

    public Task<Machine> ReleaseAsync(string systemId, string? comment = null, CancellationToken ct = default) =>
        _connection.PostAsync(ResourcePaths.Machine(systemId), "release", new MaasForm().Add("comment", comment),
            MaasJsonContext.Default.Machine, ct);

    /// <summary>DELETE (204). For a machine whose BMC is a VM host this also destroys the VM and its disks.</summary>
    public Task DeleteAsync(string systemId, CancellationToken ct = default) =>
        _connection.DeleteAsync(ResourcePaths.Machine(systemId), ct);

    /// <summary>The machine's power parameters, password included (as a <see cref="MaasSecret"/>). Admin only.</summary>
    public Task<PowerParameters> GetPowerParametersAsync(string systemId, CancellationToken ct = default) =>
        _connection.GetSecretsAsync(ResourcePaths.Machine(systemId), "power_parameters", null,
            MaasJsonContext.Default.PowerParameters, ct);

    /// <summary>Power parameters of several machines in one call, keyed by system id. An empty list is refused:
    /// MAAS would answer with every machine's secrets.</summary>
    public Task<IReadOnlyDictionary<string, PowerParameters>> ListPowerParametersAsync(
        IReadOnlyList<string> systemIds, CancellationToken ct = default)
    {
        if (systemIds.Count == 0)
            throw new ArgumentException("At least one system id is required.", nameof(systemIds));
        return _connection.GetSecretsAsync("machines/", "power_parameters", new MaasForm().AddEach("id", systemIds),
            MaasJsonContext.Default.IReadOnlyDictionaryStringPowerParameters, ct);
    }

    /// <summary>Live BMC query (MAAS may take up to 60 s).</summary>
    public Task<PowerStateReading> QueryPowerStateAsync(string systemId, CancellationToken ct = default) =>
        _connection.GetAsync(ResourcePaths.Machine(systemId), "query_power_state", null,
            MaasJsonContext.Default.PowerStateReading, ct);

    internal static string StatusFilterName(MachineStatus status) =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
