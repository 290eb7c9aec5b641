using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Libvirt.Tests.Real.Steps;

/// <summary>
/// The ports Steps 3 and 4 run on against real libvirtd: the real adapter, a MAAS that names the site's cloud and holds
/// only the hosts a test enrols and no device, a Juju whose model is gone (the teardown's gate, which the runner holds
/// these steps to, asks it), and a journal whose captures are real files.
/// </summary>
internal sealed class RealStepServices(Site site, IHypervisor hypervisor, string runFolder) : IStepServices, IMaas, IJuju, IJournal
{
    public List<MaasMachine> Enrolled { get; } = [];

    public List<JournalEntry> Written { get; } = [];

    public Site Site => site;
    public IMaas Maas => this;
    public IJuju Juju => this;
    public IHypervisor Hypervisor => hypervisor;
    public IJournal Journal => this;
    public TimeProvider Time => TimeProvider.System;

    public Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult(site.Cloud.MaasName);

    public Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MaasMachine>>([.. Enrolled.Where(m => hostnames.Contains(m.Hostname))]);

    public Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => throw Unused;

    public Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw Unused;

    public Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct) => throw Unused;

    public Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct) => throw Unused;

    public Task<IReadOnlyList<MaasDevice>> ListDevicesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<MaasDevice>>([]);

    public Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct) => throw Unused;

    public Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct) => throw Unused;

    public Task<MaasTopology> ReadTopologyAsync(CancellationToken ct) => throw Unused;

    public Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> CreateBridgeAsync(string systemId, string name, int parentId, string bridgeType, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> CreateVlanInterfaceAsync(string systemId, string name, int parentId, int vlanId, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> SetVlanAsync(string systemId, int interfaceId, int vlanId, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> SetBridgeTypeAsync(string systemId, int interfaceId, string bridgeType, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> LinkStaticAsync(string systemId, int interfaceId, int subnetId, string ipAddress, bool force, CancellationToken ct) => throw Unused;

    public Task<MaasInterface> UnlinkAsync(string systemId, int interfaceId, int linkId, CancellationToken ct) => throw Unused;

    public Task DeleteInterfaceAsync(string systemId, int interfaceId, CancellationToken ct) => throw Unused;

    public Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) => throw Unused;

    public Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default) =>
        throw new JujuException(JujuFailure.ModelNotFound, $"model {model} not found") { Model = model };

    public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) => throw Unused;

    public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) => throw Unused;

    public Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default) => throw Unused;

    public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default) => throw Unused;

    public void Append(JournalEntry entry) => Written.Add(entry);

    public IReadOnlyList<JournalEntry> Entries() => [.. Written];

    public string SaveCapture(string fileName, string content)
    {
        Directory.CreateDirectory(runFolder);
        var path = Path.Combine(runFolder, fileName);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static InvalidOperationException Unused => new("Steps 3 and 4 and the teardown's gate only read the hosts and devices from MAAS and the model's status from Juju");
}
