using Microsoft.Extensions.Time.Testing;
using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

/// <summary>
/// Each poll takes ten seconds of the injected clock and the interval is zero, so the number of polls and the elapsed
/// time at each verdict are exact.
/// </summary>
public sealed class WaitBoundaryTests
{
    private static readonly TimeSpan PollTakes = TimeSpan.FromSeconds(10);
    private static readonly WaitStates Deploying = WaitStates.Of(["Allocated", "Deploying"], ["Deployed"], ["Failed deployment", "Deploying"]);
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _progress = [];
    private int _polls;

    private async Task<WaitResult> RunAsync(TimeSpan budget, params Dictionary<string, string>[] answers)
    {
        var wait = new Wait("deploying", Deploying, budget, TimeSpan.Zero);
        return await wait.RunAsync(_ =>
        {
            var answer = answers[Math.Min(_polls++, answers.Length - 1)];
            _time.Advance(PollTakes);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(answer);
        }, _time, new Progress(_progress), CancellationToken.None, CancellationToken.None);
    }

    private static Dictionary<string, string> Hosts(string first, string second) => new() { ["host1"] = first, ["host2"] = second };

    [Fact]
    public async Task The_budget_exactly_spent_ends_the_wait_at_that_poll()
    {
        var result = await RunAsync(TimeSpan.FromSeconds(30), Hosts("Allocated", "Allocated"));

        Assert.Equal((WaitVerdict.TimedOut, 3, TimeSpan.FromSeconds(30)), (result.Verdict, _polls, result.Elapsed));
    }

    [Fact]
    public async Task A_target_reached_at_the_last_poll_of_the_budget_is_reached_not_timed_out()
    {
        var result = await RunAsync(TimeSpan.FromSeconds(20), Hosts("Allocated", "Allocated"), Hosts("Deployed", "Deployed"));

        Assert.Equal((WaitVerdict.Reached, 2), (result.Verdict, _polls));
    }

    [Fact]
    public async Task One_subject_still_interim_keeps_the_wait_going_until_all_are_in_the_target()
    {
        var result = await RunAsync(TimeSpan.FromMinutes(5), Hosts("Deployed", "Allocated"), Hosts("Deployed", "Allocated"), Hosts("Deployed", "Deployed"));

        Assert.Equal((WaitVerdict.Reached, 3), (result.Verdict, _polls));
        Assert.Equal("host1 Deployed, host2 Deployed", result.Describe());
    }

    [Theory]
    [InlineData("Failed deployment")]
    [InlineData("Deploying")]
    [InlineData("deployed")]
    [InlineData("")]
    public async Task A_failure_state_even_one_also_listed_as_interim_or_an_unknown_one_fails_at_once(string state)
    {
        var result = await RunAsync(TimeSpan.FromMinutes(5), Hosts("Deployed", state));

        Assert.Equal((WaitVerdict.Failed, 1), (result.Verdict, _polls));
    }

    [Fact]
    public async Task Nothing_to_wait_for_is_reached_at_the_first_poll()
    {
        var result = await RunAsync(TimeSpan.FromMinutes(5), new Dictionary<string, string>());

        Assert.Equal((WaitVerdict.Reached, 1), (result.Verdict, _polls));
    }

    [Fact]
    public async Task Progress_reports_each_change_with_minutes_and_seconds_of_the_budget()
    {
        var budget = TimeSpan.FromMinutes(90) + TimeSpan.FromSeconds(5);
        var result = await RunAsync(budget,
            Hosts("Allocated", "Allocated"), Hosts("Allocated", "Allocated"), Hosts("Deployed", "Allocated"),
            Hosts("Deployed", "Allocated"), Hosts("Deployed", "Allocated"), Hosts("Deployed", "Allocated"),
            Hosts("Deployed", "Allocated"), Hosts("Deployed", "Deployed"));

        Assert.Equal(WaitVerdict.Reached, result.Verdict);
        Assert.Equal(
            [
                "deploying [0:10/90:05]: host1 Allocated, host2 Allocated",
                "deploying [0:30/90:05]: host1 Deployed, host2 Allocated",
                "deploying [1:20/90:05]: host1 Deployed, host2 Deployed",
            ],
            _progress);
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
