using Slate.Juju;

namespace Slate.Corpus.Tests;

/// <summary>The real <c>juju status --format=json</c> captures in ../shared/fixtures/juju parse with concrete values.</summary>
public sealed class JujuFixtureCorpusTests
{
    private static string JujuFixtures => Path.Combine(SharedFolder(), "fixtures", "juju");

    [Fact]
    public void Every_status_capture_parses_without_status_errors()
    {
        var files = Directory.GetFiles(JujuFixtures, "*.json");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var status = JujuStatusJson.Parse(File.ReadAllText(file));
            Assert.Empty(status.Errors);
            Assert.NotEmpty(status.Machines);
            Assert.All(status.Machines, m => Assert.False(string.IsNullOrEmpty(m.InstanceId), $"{Path.GetFileName(file)}: machine {m.Id} has no instance-id"));
        });
    }

    [Fact]
    public void The_charmed_openstack_upgrader_capture_has_its_machines_and_units()
    {
        var status = JujuStatusJson.Parse(File.ReadAllText(Path.Combine(JujuFixtures, "charmed-openstack-upgrader__tests__unit__jujustatus.json")));

        Assert.Equal(12, status.Machines.Count);
        Assert.Equal(17, status.Applications.Count);
        Assert.Equal("855e53b6-ffa2-47ec-9c77-264cf76f04e9", status.Machines.Single(m => m.Id == "10").InstanceId);
        var keystone = status.Applications.Single(a => a.Name == "keystone");
        Assert.Equal(("keystone/0", "11"), (keystone.Units.Single().Name, keystone.Units.Single().Machine));
        Assert.Contains(keystone.Relations, r => r.Endpoint == "shared-db" && r.RelatedApplication == "keystone-mysql-router");
        var router = status.Applications.Single(a => a.Name == "keystone-mysql-router");
        Assert.Empty(router.Units);
        Assert.Equal(["keystone"], router.SubordinateTo);
    }

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Slate.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"corpus tests need the shared folder at {shared} (next to the repository)");
            }
        }
        throw new DirectoryNotFoundException($"no Slate.slnx above {AppContext.BaseDirectory}; cannot locate ../shared");
    }
}
