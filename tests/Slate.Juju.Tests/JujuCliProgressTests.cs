using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

/// <summary>destroy-model's wait output reaches the caller line by line; reads have their own, shorter time budget.</summary>
public sealed class JujuCliProgressTests : IDisposable
{
    private readonly DummyJuju _juju = new();

    public void Dispose() => _juju.Dispose();

    [Fact]
    public async Task Every_stderr_line_of_destroy_model_reaches_the_progress_in_order()
    {
        // The shape juju 3.x writes (cmd/juju/model/destroy.go): no newline after "Destroying model", dots while unchanged.
        _juju.Answers(stderr: "Destroying model\nWaiting for model to be removed, 4 machine(s), 7 application(s), 4 volume(s).....\n" +
                              "Waiting for model to be removed, 4 machine(s)...\nModel destroyed.\n");
        var lines = new LineRecorder();

        await _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true), lines);

        Assert.Equal(
        [
            "Destroying model", "Waiting for model to be removed, 4 machine(s), 7 application(s), 4 volume(s).....",
            "Waiting for model to be removed, 4 machine(s)...", "Model destroyed.",
        ], lines.Lines);
    }

    // Juju leaves its wait line open while it waits: the line is reported at once, not when the next one starts,
    // and the dots that follow it are not reported again.
    [Fact]
    public async Task An_open_wait_line_reaches_the_progress_before_juju_ends_it()
    {
        _juju.Answers(stderr: "Destroying model\nWaiting for model to be removed, 1 machine(s)...").Hangs();
        var lines = new LineRecorder();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var destroy = _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true), lines, stop.Token);
        while (lines.Lines.Count < 2 && !destroy.IsCompleted) await Task.Delay(20);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => destroy);

        Assert.Equal(["Destroying model", "Waiting for model to be removed, 1 machine(s)..."], lines.Lines);
    }

    [Fact]
    public async Task The_storage_refusal_is_the_error_even_on_the_line_destroy_model_left_open()
    {
        _juju.Answers(stderr: "Destroying modelERROR cannot destroy model \"openstack\"\n\nThe model has persistent storage remaining:\n\t4 volumes\n", exitCode: 1);

        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions()));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.EndsWith("exited 1: ERROR cannot destroy model \"openstack\"", e.Message);
        Assert.Contains("4 volumes", e.StderrTail);
    }

    [Fact]
    public async Task A_hanging_read_is_killed_at_the_read_timeout_not_the_destroy_timeout()
    {
        _juju.Hangs();

        var e = await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli(timeout: TimeSpan.FromMinutes(30), readTimeout: TimeSpan.FromMilliseconds(300)).StatusAsync("openstack"));
        Assert.Equal(JujuFailure.CommandFailed, e.Failure);

        Assert.Contains("no answer within 00:00:00.3000000", e.Message);
        Assert.False(Directory.Exists($"/proc/{_juju.HangingPid}"), "the hanging juju is still running");
    }
}
