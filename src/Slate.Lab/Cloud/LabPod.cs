namespace Slate.Lab.Cloud;

/// <summary>A virsh VM host (pod): the BMC every machine with its power address shares.</summary>
public sealed class LabPod(int id, string name, string powerAddress, string powerPassword)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public string PowerAddress { get; } = powerAddress;
    public string PowerPassword { get; } = powerPassword;
}
