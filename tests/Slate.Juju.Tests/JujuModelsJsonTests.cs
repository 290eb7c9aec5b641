using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

public sealed class JujuModelsJsonTests
{
    // Shape of `juju models --format=json` in 3.x (juju/juju cmd/juju/controller/listmodels.go), trimmed.
    private const string Models = """
        {
          "models": [
            {"name": "admin/controller", "short-name": "controller", "model-uuid": "11111111-1111-4111-8111-111111111111",
             "model-type": "iaas", "controller-name": "maas-ctrl", "is-controller": true, "owner": "admin", "cloud": "maas",
             "life": "alive", "status": {"current": "available", "since": "2 minutes ago"}, "access": "admin",
             "last-connection": "just now", "agent-version": "3.6.14"},
            {"name": "admin/openstack", "short-name": "openstack", "model-uuid": "22222222-2222-4222-8222-222222222222",
             "is-controller": false, "life": "dying", "status": {"current": "destroying", "message": "waiting for 3 machines"}}
          ],
          "current-model": "openstack"
        }
        """;

    [Fact]
    public void Every_model_is_read_with_its_life_and_status()
    {
        var models = JujuModelsJson.Parse(Models);

        Assert.Equal(
            [
                new JujuModelSummary("admin/controller", "controller", "11111111-1111-4111-8111-111111111111", "alive",
                    new JujuStatusValue("available", null), IsController: true),
                new JujuModelSummary("admin/openstack", "openstack", "22222222-2222-4222-8222-222222222222", "dying",
                    new JujuStatusValue("destroying", "waiting for 3 machines"), IsController: false),
            ],
            models);
    }

    [Fact]
    public void A_missing_short_name_is_derived_from_the_qualified_name()
    {
        var model = Assert.Single(JujuModelsJson.Parse("""{"models": [{"name": "admin/openstack"}]}"""));

        Assert.Equal("openstack", model.ShortName);
        Assert.Null(model.Life);
    }

    [Fact]
    public void No_models_is_an_empty_list()
    {
        Assert.Empty(JujuModelsJson.Parse("""{"models": []}"""));
    }

    [Theory]
    [InlineData("ERROR no controller")]
    [InlineData("""{"models": [{"life": "alive"}]}""")]
    public void Unusable_output_is_a_typed_error(string json)
    {
        Assert.Equal(JujuFailure.BadOutput, (Assert.Throws<JujuException>(() => JujuModelsJson.Parse(json))).Failure);
    }
}
