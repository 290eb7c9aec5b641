using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

/// <summary>The exact command line of every call, observed by a real dummy juju process.</summary>
public sealed class JujuCliArgvTests : IDisposable
{
    private const string ModelsJson = """{"models": [{"name": "admin/openstack", "short-name": "openstack"}]}""";

    private readonly DummyJuju _juju = new();

    public void Dispose() => _juju.Dispose();

    [Fact]
    public async Task ListModels_asks_the_configured_controller_for_json()
    {
        _juju.Answers(ModelsJson);

        var models = await _juju.Cli().ListModelsAsync();

        Assert.Equal(["models", "--format=json", "-c", "maas-ctrl"], _juju.Argv);
        Assert.Equal("openstack", Assert.Single(models).ShortName);
    }

    [Fact]
    public async Task ListModels_without_a_controller_uses_the_current_one()
    {
        _juju.Answers(ModelsJson);

        await _juju.Cli(controller: null).ListModelsAsync();

        Assert.Equal(["models", "--format=json"], _juju.Argv);
    }

    [Fact]
    public async Task Status_targets_controller_and_model_and_parses_the_answer()
    {
        _juju.Answers(FixtureFiles.Read(FixtureFiles.RealStatus));

        var status = await _juju.Cli().StatusAsync("openstack");

        Assert.Equal(["status", "-m", "maas-ctrl:openstack", "--format=json"], _juju.Argv);
        Assert.Equal(12, status.Machines.Count);
    }

    [Fact]
    public async Task Status_without_a_controller_passes_the_bare_model()
    {
        _juju.Answers("{}");

        await _juju.Cli(controller: null).StatusAsync("admin/openstack");

        Assert.Equal(["status", "-m", "admin/openstack", "--format=json"], _juju.Argv);
    }

    [Fact]
    public async Task ExportBundle_returns_stdout_verbatim()
    {
        const string bundle = "default-base: ubuntu@22.04\napplications:\n  keystone:\n    charm: keystone\n    num_units: 3\n";
        _juju.Answers(bundle);

        var text = await _juju.Cli().ExportBundleAsync("openstack");

        Assert.Equal(["export-bundle", "-m", "maas-ctrl:openstack"], _juju.Argv);
        Assert.Equal(bundle, text);
    }

    [Fact]
    public async Task DestroyModel_never_prompts_and_passes_the_model_positionally()
    {
        _juju.Answers(stderr: "Destroying model\nModel destroyed.\n");

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true));

        Assert.Equal(["destroy-model", "--no-prompt", "--destroy-storage", "maas-ctrl:openstack"], _juju.Argv);
    }

    [Fact]
    public async Task DestroyModel_release_storage()
    {
        _juju.Answers();

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(ReleaseStorage: true));

        Assert.Equal(["destroy-model", "--no-prompt", "--release-storage", "maas-ctrl:openstack"], _juju.Argv);
    }

    [Fact]
    public async Task DestroyModel_graceful_without_storage_flag()
    {
        _juju.Answers();

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions());

        Assert.Equal(["destroy-model", "--no-prompt", "maas-ctrl:openstack"], _juju.Argv);
    }

    [Fact]
    public async Task DestroyModel_force_with_timeout()
    {
        _juju.Answers();

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true, Force: true, Timeout: TimeSpan.FromMinutes(10)));

        Assert.Equal(["destroy-model", "--no-prompt", "--destroy-storage", "--force", "--timeout", "10m", "maas-ctrl:openstack"], _juju.Argv);
    }

    [Fact]
    public async Task DestroyModel_force_no_wait()
    {
        _juju.Answers();

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(Force: true, NoWait: true));

        Assert.Equal(["destroy-model", "--no-prompt", "--force", "--no-wait", "maas-ctrl:openstack"], _juju.Argv);
    }

    [Fact]
    public async Task RemoveMachine_keep_instance()
    {
        _juju.Answers();

        await _juju.Cli().RemoveMachineAsync("openstack", "3", new RemoveOptions(KeepInstance: true));

        Assert.Equal(["remove-machine", "-m", "maas-ctrl:openstack", "--no-prompt", "--keep-instance", "3"], _juju.Argv);
    }

    [Fact]
    public async Task RemoveMachine_force_no_wait_on_a_container()
    {
        _juju.Answers();

        await _juju.Cli().RemoveMachineAsync("openstack", "0/lxd/1", new RemoveOptions(Force: true, NoWait: true));

        Assert.Equal(["remove-machine", "-m", "maas-ctrl:openstack", "--no-prompt", "--force", "--no-wait", "0/lxd/1"], _juju.Argv);
    }

    [Fact]
    public async Task Leading_arguments_come_before_the_juju_command()
    {
        _juju.Answers("{}");

        await _juju.Cli(leadingArguments: ["lab", "juju"]).StatusAsync("openstack");

        Assert.Equal(["lab", "juju", "status", "-m", "maas-ctrl:openstack", "--format=json"], _juju.Argv);
    }
}
