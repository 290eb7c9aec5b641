using System.Text.Json.Serialization;
using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HypervisorRequest))]
[JsonSerializable(typeof(HypervisorError))]
[JsonSerializable(typeof(HypervisorText))]
[JsonSerializable(typeof(IReadOnlyList<HypervisorDomain>))]
[JsonSerializable(typeof(DomainDevices))]
[JsonSerializable(typeof(HypervisorNetwork))]
[JsonSerializable(typeof(StorageVolume))]
internal sealed partial class HypervisorJson : JsonSerializerContext;
