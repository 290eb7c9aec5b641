using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

public sealed class JujuStatusJsonTests
{
    [Fact]
    public void The_real_3_4_capture_parses_machines_units_and_name_only_relations()
    {
        var status = JujuStatusJson.Parse(FixtureFiles.Read(FixtureFiles.RealStatus));

        Assert.Equal("zaza-0228b5aec1cf", status.ModelName);
        Assert.Empty(status.Errors);
        Assert.Equal(12, status.Machines.Count);
        var machine0 = status.Machines.Single(m => m.Id == "0");
        Assert.Equal("03e7d6e2-eb4a-4a09-8fb2-4698d0b5d71b", machine0.InstanceId);
        Assert.Equal("juju-75b9b3-zaza-0228b5aec1cf-0", machine0.Hostname);
        Assert.Equal("10.5.0.61", machine0.DnsName);
        Assert.Equal(new JujuStatusValue("started", null), machine0.AgentStatus);
        Assert.Equal(new JujuStatusValue("running", "Running"), machine0.InstanceStatus);
        Assert.Empty(machine0.Containers);

        var keystone = status.Applications.Single(a => a.Name == "keystone");
        Assert.Equal("keystone", keystone.Charm);
        Assert.Equal(new JujuStatusValue("active", "Application Ready"), keystone.Status);
        var unit = Assert.Single(keystone.Units);
        Assert.Equal("keystone/0", unit.Name);
        Assert.Equal("11", unit.Machine);
        Assert.True(unit.Leader);
        Assert.Equal("keystone-mysql-router/0", Assert.Single(unit.Subordinates).Name);
        Assert.Equal(
            ["cinder", "glance", "neutron-api", "nova-cloud-controller", "placement"],
            keystone.Relations.Where(r => r.Endpoint == "identity-service").Select(r => r.RelatedApplication));
        Assert.All(keystone.Relations, r => Assert.Null(r.Interface));
    }

    [Fact]
    public void Relations_in_the_object_shape_keep_interface_and_scope()
    {
        const string json = """
            {"applications": {"keystone": {"relations": {
              "shared-db": [{"related-application": "keystone-mysql-router", "interface": "mysql-shared", "scope": "container"}],
              "identity-service": ["glance", {"related-application": "cinder", "interface": "keystone"}]
            }}}}
            """;

        var keystone = Assert.Single(JujuStatusJson.Parse(json).Applications);

        Assert.Equal(
            [
                new JujuRelation("shared-db", "keystone-mysql-router", "mysql-shared", "container"),
                new JujuRelation("identity-service", "glance", null, null),
                new JujuRelation("identity-service", "cinder", "keystone", null),
            ],
            keystone.Relations);
    }

    [Fact]
    public void Status_error_blocks_become_findings_and_the_rest_still_parses()
    {
        const string json = """
            {
              "model": {"name": "openstack", "type": "iaas", "future-field": {"x": 1}},
              "machines": {
                "0": {"juju-status": {"current": "started"}, "instance-id": "abc123", "hostname": "node-0",
                      "containers": {"0/lxd/0": {"juju-status": {"current": "pending"}, "instance-id": "juju-1a2b3c-0-lxd-0"}}},
                "1": {"status-error": "cannot get machine 1: not found"},
                "2": {"juju-status": {"status-error": "agent status unavailable"}, "instance-id": "xyz789"}
              },
              "applications": {
                "ceph-osd": {"status-error": "cannot read charm"},
                "glance": {"charm": "glance", "units": {
                  "glance/0": {"machine": "0", "workload-status": {"status-error": "no workload status"}},
                  "glance/1": {"status-error": "unit glance/1 gone"}
                }, "relations": {"cluster": [42]}}
              }
            }
            """;

        var status = JujuStatusJson.Parse(json);

        Assert.Equal(
            [
                new JujuStatusError("machine 1", "cannot get machine 1: not found"),
                new JujuStatusError("machine 2 juju-status", "agent status unavailable"),
                new JujuStatusError("application ceph-osd", "cannot read charm"),
                new JujuStatusError("unit glance/0 workload-status", "no workload status"),
                new JujuStatusError("unit glance/1", "unit glance/1 gone"),
                new JujuStatusError("application glance relation cluster", "unexpected relation entry 42"),
            ],
            status.Errors);
        Assert.Equal(["0", "1", "2"], status.Machines.Select(m => m.Id));
        Assert.Null(status.Machines[1].InstanceId);
        Assert.Equal("xyz789", status.Machines[2].InstanceId);
        Assert.Null(status.Machines[2].AgentStatus);
        var container = Assert.Single(status.Machines[0].Containers);
        Assert.Equal(("0/lxd/0", "juju-1a2b3c-0-lxd-0"), (container.Id, container.InstanceId));
        var glance = status.Applications.Single(a => a.Name == "glance");
        Assert.Equal("0", glance.Units[0].Machine);
        Assert.Null(glance.Units[0].WorkloadStatus);
        Assert.Empty(glance.Relations);
    }

    [Fact]
    public void An_empty_model_has_no_machines_or_applications()
    {
        var status = JujuStatusJson.Parse("""{"model": {"name": "openstack"}, "machines": {}, "applications": {}}""");

        Assert.Equal("openstack", status.ModelName);
        Assert.Empty(status.Machines);
        Assert.Empty(status.Applications);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"machines\": {\"0\": {\"juju-status\": \"started\"}}}")]
    public void Output_that_is_not_a_status_document_is_a_typed_error(string json)
    {
        var e = Assert.Throws<JujuException>(() => JujuStatusJson.Parse(json));
        Assert.Equal(JujuFailure.BadOutput, e.Failure);

        Assert.StartsWith("juju status printed", e.Message);
    }
}
