using Slate.Juju;

namespace Slate.Corpus.Tests;

/// <summary>The real <c>juju status --format=json</c> captures in ../shared/fixtures/juju parse with concrete values.</summary>
public sealed class JujuFixtureCorpusTests
{
    private static string JujuFixtures => SharedCorpus.PathOf("fixtures", "juju");

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
}
