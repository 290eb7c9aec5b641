using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

/// <summary>The edges of juju's JSON and of its failures: absent fields, fields of the wrong type, an error with no ERROR line.</summary>
public sealed class JujuParsingEdgeTests : IDisposable
{
    private readonly DummyJuju _juju = new();

    public void Dispose() => _juju.Dispose();

    [Fact]
    public void A_models_document_without_a_list_has_no_models()
    {
        Assert.Empty(JujuModelsJson.Parse("""{"models": null}"""));
        Assert.Empty(JujuModelsJson.Parse("{}"));
    }

    [Fact]
    public void The_short_name_juju_gives_is_kept_and_an_absent_is_controller_means_not_the_controller()
    {
        var model = Assert.Single(JujuModelsJson.Parse("""{"models": [{"name": "admin/openstack", "short-name": "openstack-2025"}]}"""));

        Assert.Equal(("admin/openstack", "openstack-2025", false), (model.Name, model.ShortName, model.IsController));
    }

    [Fact]
    public void A_model_status_error_is_reported_and_absent_unit_and_application_fields_take_their_defaults()
    {
        const string json = """
            {
              "model": {"name": "openstack", "status-error": "model status unavailable"},
              "applications": {
                "ceph-osd": {"units": {"ceph-osd/0": {"machine": "0"}}},
                "ovn-chassis": {"subordinate-to": ["nova-compute"]}
              }
            }
            """;

        var status = JujuStatusJson.Parse(json);

        Assert.Equal([new JujuStatusError("model", "model status unavailable")], status.Errors);
        var osd = status.Applications.Single(a => a.Name == "ceph-osd");
        Assert.False(Assert.Single(osd.Units).Leader);
        Assert.Empty(osd.SubordinateTo);
        Assert.Equal(["nova-compute"], status.Applications.Single(a => a.Name == "ovn-chassis").SubordinateTo);
    }

    [Fact]
    public void A_relation_field_that_is_not_a_string_reads_as_absent()
    {
        const string json = """{"applications": {"keystone": {"relations": {"identity-service": [{"related-application": "glance", "interface": 5, "scope": ["x"]}]}}}}""";

        var relation = Assert.Single(Assert.Single(JujuStatusJson.Parse(json).Applications).Relations);

        Assert.Equal(new JujuRelation("identity-service", "glance", null, null), relation);
    }

    [Fact]
    public async Task A_failure_without_an_error_line_is_named_by_its_last_words_ignoring_blank_lines()
    {
        _juju.Answers(stderr: "connecting to controller\nsomething went badly\n\n   \n", exitCode: 2);

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().StatusAsync("openstack"));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.EndsWith("exited 2: something went badly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adapter_needs_an_executable_and_a_positive_time_for_changes()
    {
        Assert.Throws<ArgumentException>(() => new JujuCli(" ", "maas-ctrl", TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JujuCli("juju", "maas-ctrl", TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JujuCli("juju", "maas-ctrl", TimeSpan.FromMinutes(1), readTimeout: TimeSpan.Zero));
    }

    [Fact]
    public async Task A_read_never_outlasts_the_time_allowed_for_changes()
    {
        _juju.Hangs();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli(timeout: TimeSpan.FromSeconds(1)).StatusAsync("openstack", bound.Token));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Contains("no answer within 00:00:01", e.Message, StringComparison.Ordinal);
    }
}
