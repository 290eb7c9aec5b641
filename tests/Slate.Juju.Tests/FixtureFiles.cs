namespace Slate.Juju.Tests;

internal static class FixtureFiles
{
    public const string RealStatus = "charmed-openstack-upgrader__tests__unit__jujustatus.json";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
