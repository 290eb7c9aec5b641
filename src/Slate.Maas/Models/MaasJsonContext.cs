using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

/// <summary>Source-generated JSON metadata for every MAAS body Slate reads (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Machine))]
[JsonSerializable(typeof(IReadOnlyList<Machine>))]
[JsonSerializable(typeof(MachineInterface))]
[JsonSerializable(typeof(IReadOnlyList<MachineInterface>))]
[JsonSerializable(typeof(IReadOnlyList<InterfaceLink>))]
[JsonSerializable(typeof(PowerParameters))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, PowerParameters>))]
[JsonSerializable(typeof(PowerStateReading))]
[JsonSerializable(typeof(MachineReference))]
[JsonSerializable(typeof(Space))]
[JsonSerializable(typeof(IReadOnlyList<Space>))]
[JsonSerializable(typeof(IReadOnlyList<Subnet>))]
[JsonSerializable(typeof(IReadOnlyList<SubnetAddress>))]
[JsonSerializable(typeof(IReadOnlyList<Fabric>))]
[JsonSerializable(typeof(IReadOnlyList<IpRange>))]
[JsonSerializable(typeof(IReadOnlyList<Vlan>))]
[JsonSerializable(typeof(IReadOnlyList<Device>))]
[JsonSerializable(typeof(VmHost))]
[JsonSerializable(typeof(IReadOnlyList<VmHost>))]
public sealed partial class MaasJsonContext : JsonSerializerContext;
