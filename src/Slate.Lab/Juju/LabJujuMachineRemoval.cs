namespace Slate.Lab.Juju;

/// <summary>What remove-machine did to one machine: juju prints it as <c>will remove machine N</c> and <c>- will ...</c> lines.</summary>
public sealed record LabJujuMachineRemoval(string MachineId, bool KeepInstance, IReadOnlyList<string> Units, IReadOnlyList<string> DetachedStorage);
