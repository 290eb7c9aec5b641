namespace Slate.Maas.Tests.Profiles;

/// <summary>The committed databases (see Fixtures/profiles/make.py) and scratch copies of them.</summary>
internal sealed class ProfileFiles : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("slate-profiles-").FullName;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "profiles", name);

    public string Scratch(string name, byte[] content)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string MissingFile() => Path.Combine(_scratch, "absent.db");

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
