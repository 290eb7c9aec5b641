using Slate.Maas.Http;
using Slate.Maas.Resources;

namespace Slate.Maas;

/// <summary>The MAAS REST API 2.0, one small client per resource. Owns its HTTP stack (and any inner handler given).</summary>
public sealed class MaasClient : IDisposable
{
    private readonly MaasConnection _connection;

    public MaasClient(MaasCredentials credentials, MaasClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _connection = new MaasConnection(credentials, options ?? new MaasClientOptions());
        Version = new VersionClient(_connection);
        Config = new ConfigClient(_connection);
        Machines = new MachinesClient(_connection);
        Interfaces = new InterfacesClient(_connection);
        Spaces = new SpacesClient(_connection);
        Subnets = new SubnetsClient(_connection);
        Fabrics = new FabricsClient(_connection);
        IpRanges = new IpRangesClient(_connection);
        Vlans = new VlansClient(_connection);
        VmHosts = new VmHostsClient(_connection);
        Devices = new DevicesClient(_connection);
    }

    public VersionClient Version { get; }
    public ConfigClient Config { get; }
    public MachinesClient Machines { get; }
    public InterfacesClient Interfaces { get; }
    public SpacesClient Spaces { get; }
    public SubnetsClient Subnets { get; }
    public FabricsClient Fabrics { get; }
    public IpRangesClient IpRanges { get; }
    public VlansClient Vlans { get; }
    public VmHostsClient VmHosts { get; }
    public DevicesClient Devices { get; }

    /// <summary>HTTP requests sent so far, retries included.</summary>
    public int RequestCount => _connection.RequestCount;

    public void Dispose() => _connection.Dispose();
}
