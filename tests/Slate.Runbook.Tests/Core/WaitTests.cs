using Microsoft.Extensions.Time.Testing;
using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

public sealed class WaitTests
{
    private static readonly WaitStates Leaving = WaitStates.Of(["Releasing"], ["absent"], ["Releasing failed"]);
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _progress = [];

    private async Task<WaitResult> RunAsync(Queue<string> states, TimeSpan budget, CancellationToken stopWaiting = default)
    {
        var wait = new Wait("leaving", Leaving, budget, TimeSpan.FromSeconds(2));
        var task = wait.RunAsync(_ => Task.FromResult<IReadOnlyDictionary<string, string>>(
            new Dictionary<string, string> { ["openstack0"] = states.Count > 1 ? states.Dequeue() : states.Peek() }), _time, new Progress(_progress), CancellationToken.None,
            stopWaiting);
        // One lab-clock second at a time, letting the wait's continuation run between steps.
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            await Task.Delay(2);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        return await task;
    }

    [Fact]
    public async Task Reaches_the_target_through_interim_states_reporting_each_change_once()
    {
        var result = await RunAsync(new Queue<string>(["Releasing", "Releasing", "absent"]), TimeSpan.FromMinutes(1));

        Assert.Equal(WaitVerdict.Reached, result.Verdict);
        Assert.Equal(2, _progress.Count);
        Assert.Equal("leaving [0:00/1:00]: openstack0 Releasing", _progress[0]);
        Assert.Matches(@"^leaving \[0:0[4-9]/1:00\]: openstack0 absent$", _progress[1]);
    }

    [Fact]
    public async Task A_first_signal_ends_the_waiting_as_stopped_with_the_last_states_seen()
    {
        using var signal = new CancellationTokenSource();
        var states = new Queue<string>(["Releasing", "Releasing", "Releasing", "absent"]);
        var wait = new Wait("leaving", Leaving, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2));

        var task = wait.RunAsync(_ => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["openstack0"] = states.Dequeue() }),
            _time, new Progress(_progress), CancellationToken.None, signal.Token);
        await Task.Delay(20);
        signal.Cancel();
        var result = await task;

        Assert.Equal(WaitVerdict.Stopped, result.Verdict);
        Assert.Equal("openstack0 Releasing", result.Describe());
        Assert.Equal(3, states.Count);
        Assert.Equal("stopped waiting for the hosts to leave after 0ms on a signal: the change was made; last seen: openstack0 Releasing",
            result.StoppedWaiting("the hosts to leave").Detail);
        Assert.Equal(ActionOutcome.Done, result.StoppedWaiting("x").Outcome);
    }

    [Fact]
    public async Task A_signal_before_the_first_poll_still_polls_once_and_then_stops()
    {
        using var signal = new CancellationTokenSource();
        await signal.CancelAsync();

        var result = await RunAsync(new Queue<string>(["Releasing"]), TimeSpan.FromMinutes(1), signal.Token);

        Assert.Equal((WaitVerdict.Stopped, "openstack0 Releasing"), (result.Verdict, result.Describe()));
    }

    [Fact]
    public async Task Stops_at_once_on_a_failure_state()
    {
        var result = await RunAsync(new Queue<string>(["Releasing", "Releasing failed"]), TimeSpan.FromMinutes(1));

        Assert.Equal(WaitVerdict.Failed, result.Verdict);
        Assert.Equal("openstack0 Releasing failed", result.Describe());
    }

    [Fact]
    public async Task A_state_in_no_set_is_a_failure_not_a_reason_to_keep_waiting()
    {
        var result = await RunAsync(new Queue<string>(["Ready"]), TimeSpan.FromMinutes(1));

        Assert.Equal(WaitVerdict.Failed, result.Verdict);
    }

    [Fact]
    public async Task Gives_up_when_the_budget_is_spent()
    {
        var result = await RunAsync(new Queue<string>(["Releasing"]), TimeSpan.FromSeconds(10));

        Assert.Equal(WaitVerdict.TimedOut, result.Verdict);
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(10));
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(13));
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
