namespace Slate.Lab.Cloud;

public sealed class LabFabric(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public List<LabVlan> Vlans { get; } = [];
}
