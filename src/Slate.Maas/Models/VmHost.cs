using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

/// <summary>A VM host (pod); MAAS 3.x only (410 Gone after 3.8).</summary>
public sealed record VmHost
{
    public int Id { get; init; }
    public string Name { get; init; } = "";

    /// <summary>The power type, e.g. <c>virsh</c> or <c>lxd</c>.</summary>
    public string Type { get; init; } = "";

    public IReadOnlyList<string> Architectures { get; init; } = [];
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyList<string>? Tags { get; init; }
    public VmHostResources? Total { get; init; }
    public VmHostResources? Used { get; init; }
    public VmHostResources? Available { get; init; }
    public double? CpuOverCommitRatio { get; init; }
    public double? MemoryOverCommitRatio { get; init; }
    public IReadOnlyList<VmHostStoragePool> StoragePools { get; init; } = [];
    public VmHostMachine? Host { get; init; }
    public Zone? Zone { get; init; }
    public ResourcePool? Pool { get; init; }
    public string ResourceUri { get; init; } = "";
}

/// <summary>Cores, memory in MiB, local storage in bytes.</summary>
public sealed record VmHostResources(int Cores, long Memory, long LocalStorage);

public sealed record VmHostStoragePool(
    string Id, string Name, string Type, string? Path, long Total, long Used, long Available,
    [property: JsonPropertyName("default")] bool IsDefault);

/// <summary>The machine that hosts the pod, when MAAS knows it.</summary>
public sealed record VmHostMachine(string? SystemId);
