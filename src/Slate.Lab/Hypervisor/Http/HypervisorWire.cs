using System.Text.Json.Serialization;
using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

/// <summary>One call to the served lab hypervisor: which fields matter depends on the operation in the URL.</summary>
public sealed record HypervisorRequest(string? Domain = null, string? Mac = null, string? Name = null, string? Path = null, VolumeSpec? Spec = null);

/// <summary>A text answer (a domain's XML, a resolved path).</summary>
public sealed record HypervisorText(string Text);

public sealed record HypervisorError(HypervisorErrorCode Code, string Message);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HypervisorRequest))]
[JsonSerializable(typeof(HypervisorError))]
[JsonSerializable(typeof(HypervisorText))]
[JsonSerializable(typeof(IReadOnlyList<HypervisorDomain>))]
[JsonSerializable(typeof(DomainDevices))]
[JsonSerializable(typeof(HypervisorNetwork))]
[JsonSerializable(typeof(StorageVolume))]
internal sealed partial class HypervisorJson : JsonSerializerContext;
