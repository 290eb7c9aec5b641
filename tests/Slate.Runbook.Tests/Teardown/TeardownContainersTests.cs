using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>
/// The model's LXD containers: juju removes a machine hosting containers only with --force (state/machine.go
/// HasContainersError), the tables show each container under its host with its MAAS device, and a device journalled
/// at apply time that survives the teardown keeps the gate red.
/// </summary>
public sealed class TeardownContainersTests
{
    private const string Keystone = "juju-abc123-0-lxd-0";
    private readonly TeardownWorld _world = new();

    public TeardownContainersTests()
    {
        _world.ModelMachines[0] = _world.ModelMachines[0] with { Containers = [new JujuMachine("0/lxd/0", Keystone, Keystone, null, null, null, null, [])] };
        _world.Devices.Add(new MaasDevice("dev001", Keystone, "host00", ["10.12.8.40", "10.12.4.40"]));
    }

    [Fact]
    public async Task A_host_whose_only_units_live_in_its_containers_is_removed_with_force_naming_units_and_containers()
    {
        _world.Units.RemoveAll(u => u.Machine == "0");
        _world.Units.Add(new JujuUnit("keystone/0", "0/lxd/0", null, false, null, null, []));

        var action = Assert.Single((await _world.AssessAsync(TeardownWorld.Release(canary: true))).Plan.Actions);

        Assert.Equal("true", action.Arguments["force"]);
        Assert.EndsWith("; --force because it hosts keystone/0 and containers 0/lxd/0, which go without a clean stop", action.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_an_empty_container_and_no_unit_is_still_forced()
    {
        _world.Units.RemoveAll(u => u.Machine == "0");

        var action = Assert.Single((await _world.AssessAsync(TeardownWorld.Release(canary: true))).Plan.Actions);

        Assert.Equal("true", action.Arguments["force"]);
        Assert.EndsWith("--force because it hosts containers 0/lxd/0, which go without a clean stop", action.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "goes with the model (MAAS deletes its device)")]
    [InlineData(true, "removed with machine 0 (its device deleted)")]
    public async Task Each_container_shows_under_its_host_with_its_device_and_the_plan_journals_the_device(bool release, string fate)
    {
        var plan = (await _world.AssessAsync(release ? TeardownWorld.Release() : TeardownWorld.Destroy)).Plan;

        var rows = plan.Tables[0].Rows.Select(r => string.Join(" | ", r)).ToList();
        Assert.StartsWith("openstack0 | host | host00 | ", rows[0], StringComparison.Ordinal);
        Assert.Equal($"  {Keystone} | container | dev001 | device | 0/lxd/0 | - | {fate}", rows[1]);
        Assert.StartsWith("openstack1 | host | ", rows[2], StringComparison.Ordinal);
        Assert.Equal(Keystone, plan.Baseline["device:dev001"]);
    }

    [Fact]
    public async Task A_container_without_a_maas_device_says_so_and_journals_nothing_for_it()
    {
        _world.Devices.Clear();

        var plan = (await _world.AssessAsync(TeardownWorld.Destroy)).Plan;

        Assert.Equal($"  {Keystone} | container | - | no device | 0/lxd/0 | - | goes with the model (MAAS deletes its device)", string.Join(" | ", plan.Tables[0].Rows[1]));
        Assert.DoesNotContain(plan.Baseline.Keys, k => k.StartsWith("device:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journalled_container_device_that_survives_the_teardown_turns_the_gate_red_with_the_command_that_deletes_it()
    {
        _world.TornDownByDestroy();
        _world.Devices.Add(new MaasDevice("dev002", "juju-abc123-1-lxd-0", null, []));
        var left = _world.Services;
        _world.Devices.Clear();
        var gone = _world.Services;
        foreach (var services in new[] { left, gone })
            services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Plan,
                Arguments: new Dictionary<string, string> { ["device:dev001"] = Keystone, ["device:dev002"] = "juju-abc123-1-lxd-0" }));

        var red = (await _world.AssessAsync(TeardownWorld.Destroy, left)).Gate;
        var green = (await _world.AssessAsync(TeardownWorld.Destroy, gone)).Gate;

        var lines = red.Lines.Where(l => !l.Holds).ToList();
        Assert.Equal(("device-gone", Keystone, "not in MAAS"), (lines[0].Code, lines[0].Subject, lines[0].Expected));
        Assert.Equal("device dev001 still holds 10.12.8.40, 10.12.4.40: maas $PROFILE device delete dev001", lines[0].Observed);
        Assert.Equal("device dev002 still holds no address: maas $PROFILE device delete dev002", lines[1].Observed);
        Assert.True(green.Green);
        Assert.Contains(green.Lines, l => l is { Code: "device-gone", Holds: true, Observed: "gone" });
    }

    [Fact]
    public async Task A_re_plan_after_the_model_went_keeps_tracking_a_journalled_device_still_in_maas_and_drops_one_gone()
    {
        _world.TornDownByDestroy();
        _world.Devices.Add(new MaasDevice("tor001", "tor-switch", null, ["10.12.8.2"]));
        var services = _world.Services;
        services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "teardown", JournalEvent.Plan,
            Arguments: new Dictionary<string, string> { ["device:dev001"] = Keystone, ["device:gone99"] = "juju-abc123-1-lxd-0" }));

        var plan = (await _world.AssessAsync(TeardownWorld.Destroy, services)).Plan;

        Assert.Equal([("device:dev001", Keystone)], plan.Baseline.Where(b => b.Key.StartsWith("device:", StringComparison.Ordinal)).Select(b => (b.Key, b.Value)));
    }
}
