namespace Slate.Lab.Cloud;

public sealed class LabSpace(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
}
