using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

/// <summary>How a failing, missing, hanging or garbled juju reaches the caller.</summary>
public sealed class JujuCliFailureTests : IDisposable
{
    private readonly DummyJuju _juju = new();

    public void Dispose() => _juju.Dispose();

    [Fact]
    public async Task A_failure_carries_argv_exit_code_and_the_last_twenty_stderr_lines()
    {
        var stderr = string.Concat(Enumerable.Range(1, 30).Select(i => $"WARNING line {i}\n")) + "ERROR permission denied\n";
        _juju.Answers(stderr: stderr, exitCode: 1);

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true)));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Equal([_juju.Executable, "destroy-model", "--no-prompt", "--destroy-storage", "maas-ctrl:openstack"], e.Argv);
        Assert.Equal(1, e.ExitCode);
        var tail = e.StderrTail.Split('\n');
        Assert.Equal(20, tail.Length);
        Assert.Equal("WARNING line 12", tail[0]);
        Assert.Equal("ERROR permission denied", tail[^1]);
        Assert.Contains("exited 1: ERROR permission denied", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_read_juju_answered_with_an_ERROR_is_asked_again_and_the_second_answer_is_used()
    {
        _juju.Answers(stdout: "applications: {}\n").FailsFirst(1);

        var bundle = await _juju.Cli().ExportBundleAsync("openstack");

        Assert.Equal("applications: {}\n", bundle);
        Assert.Equal(2, _juju.Runs);
    }

    [Fact]
    public async Task A_read_is_asked_at_most_three_times_and_a_change_once()
    {
        _juju.Answers(stdout: "{}").FailsFirst(10);

        var read = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().StatusJsonAsync("openstack"));
        Assert.Equal((JujuFailure.CommandFailed, JujuCli.ReadAttempts), (read.Failure, _juju.Runs));
        await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().RemoveMachineAsync("openstack", "0", new RemoveOptions()));
        Assert.Equal(JujuCli.ReadAttempts + 1, _juju.Runs);
    }

    [Fact]
    public async Task A_model_that_is_not_found_is_not_asked_again()
    {
        _juju.Answers(stderr: "ERROR model maas-ctrl:admin/openstack not found\n", exitCode: 1);

        await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().StatusAsync("openstack"));

        Assert.Equal(1, _juju.Runs);
    }

    [Fact]
    public async Task The_error_line_is_reported_even_when_progress_follows_it()
    {
        _juju.Answers(stderr: "ERROR cannot destroy model \"openstack\"\nThe model has persistent storage remaining:\n", exitCode: 1);

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions()));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.EndsWith("ERROR cannot destroy model \"openstack\"", e.Message);
    }

    public static TheoryData<string> ModelCalls => ["status", "export-bundle", "destroy-model", "remove-machine"];

    [Theory]
    [MemberData(nameof(ModelCalls))]
    public async Task Model_not_found_is_typed(string call)
    {
        _juju.Answers(stderr: "ERROR model maas-ctrl:admin/openstack not found\n", exitCode: 1);
        var cli = _juju.Cli();

        var e = await Assert.ThrowsAsync<JujuException>(() => call switch
        {
            "status" => cli.StatusAsync("openstack"),
            "export-bundle" => cli.ExportBundleAsync("openstack"),
            "destroy-model" => cli.DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true)),
            _ => cli.RemoveMachineAsync("openstack", "0", new RemoveOptions()),
        });
        Assert.Equal(JujuFailure.ModelNotFound, e.Failure);

        Assert.Equal("openstack", e.Model);
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("maas-ctrl:admin/openstack not found", e.StderrTail);
    }

    [Fact]
    public async Task Other_not_found_errors_are_not_mistaken_for_a_missing_model()
    {
        _juju.Answers(stderr: "ERROR machine 7 not found\n", exitCode: 1);

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().RemoveMachineAsync("openstack", "7", new RemoveOptions()));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Equal(JujuFailure.CommandFailed, e.Failure);
    }

    [Fact]
    public async Task A_missing_executable_is_named()
    {
        var path = Path.Combine(_juju.Dir, "no-such-juju");
        var cli = new JujuCli(path, "maas-ctrl", TimeSpan.FromSeconds(10));

        var e = await Assert.ThrowsAsync<JujuException>(() => cli.ListModelsAsync());
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Contains(path, e.Message);
        Assert.Null(e.ExitCode);
    }

    [Fact]
    public async Task A_hanging_juju_is_killed_at_the_timeout()
    {
        _juju.Hangs();

        var e = await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli(timeout: TimeSpan.FromMilliseconds(300)).DestroyModelAsync("openstack", new DestroyOptions()));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Contains("no answer within", e.Message);
        Assert.Null(e.ExitCode);
        Assert.False(Directory.Exists($"/proc/{_juju.HangingPid}"), "the hanging juju is still running");
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        _juju.Hangs();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _juju.Cli().StatusAsync("openstack", cancel.Token));
    }

    [Fact]
    public async Task Password_values_never_appear_in_argv_or_message()
    {
        _juju.Answers(stderr: "ERROR boom\n", exitCode: 2);

        var e = await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli(leadingArguments: ["--password", "hunter2", "--api-key=s3cret"]).ListModelsAsync());
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Equal("hunter2", _juju.Argv[1]);
        Assert.Equal([_juju.Executable, "--password", "***", "--api-key=***", "models", "--format=json", "-c", "maas-ctrl"], e.Argv);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
    }

    [Fact]
    public async Task Garbled_status_output_is_a_typed_error()
    {
        _juju.Answers("Model  Controller  Cloud/Region\nopenstack  maas-ctrl  maas/default\n");

        Assert.Equal(JujuFailure.BadOutput, (await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().StatusAsync("openstack"))).Failure);
    }
}
