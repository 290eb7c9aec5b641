using System.Net;
using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Tests.Faults;

public sealed class RequestFaultTests
{
    [Fact]
    public async Task Rate_one_503_answers_every_authenticated_call_with_retry_after_and_changes_nothing()
    {
        await using var lab = await LabHarness.StartAsync("503=1:7");
        var id = lab.IdOf("openstack2");

        foreach (var (method, path) in new[] { (HttpMethod.Get, "machines/"), (HttpMethod.Get, "subnets/"), (HttpMethod.Post, $"machines/{id}/?op=release") })
        {
            using var response = await lab.Http.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.Get(id).Status);
        Assert.Contains(lab.Cloud.Events, e => e is { Source: "fault", Message: "503 on GET machines/ (Retry-After: 7)" });
        Assert.Contains(lab.Cloud.Events, e => e.Source == "fault" && e.Message == $"503 on POST machines/{id}/?op=release (Retry-After: 7)");
        Assert.DoesNotContain(lab.Cloud.Events, e => e.Source == "maas" && e.Message.StartsWith("release", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_version_is_never_faulted_so_clients_can_probe()
    {
        await using var lab = await LabHarness.StartAsync("503=1", "409=1", "lost=1");

        using var anonymous = new HttpClient { BaseAddress = lab.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("version/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lab.Http.GetAsync("version/")).StatusCode);
    }

    [Fact]
    public async Task Rate_one_409_is_MAASs_rolled_back_answer_with_its_default_retry_after_and_changes_nothing()
    {
        // canonical/maas src/maasserver/utils/views.py: HttpResponseConflict renders templates/409.html with Retry-After: 5.
        await using var lab = await LabHarness.StartAsync("409=1");
        var id = lab.IdOf("openstack2");

        using var read = await lab.Http.GetAsync("machines/");
        using var write = await lab.Http.PostAsync($"machines/{id}/?op=release", null);

        foreach (var response in new[] { read, write })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Conflict error. Try your request again, as it will most likely succeed.", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.Get(id).Status);
        Assert.Contains(lab.Cloud.Events, e => e.Source == "fault" && e.Message == $"409 on POST machines/{id}/?op=release (Retry-After: 5)");
    }

    [Fact]
    public async Task A_409_of_zero_seconds_still_says_Retry_After_so_clients_know_it_was_rolled_back()
    {
        await using var lab = await LabHarness.StartAsync("409=1:0");

        using var response = await lab.Http.GetAsync("machines/");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Rate_one_409_state_refuses_every_write_without_retry_after_changes_nothing_and_spares_reads()
    {
        // canonical/maas src/maasserver/exceptions.py: a NodeStateViolation is a text/plain 409 with no Retry-After.
        await using var lab = await LabHarness.StartAsync("409-state=1");
        var id = lab.IdOf("openstack2");

        using var read = await lab.Http.GetAsync("machines/");
        using var write = await lab.Http.PostAsync($"machines/{id}/?op=release", null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Null(write.Headers.RetryAfter);
        Assert.Equal("text/plain", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Cannot do this to the object in its current state (lab fault injection: a state conflict).", await write.Content.ReadAsStringAsync());
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.Get(id).Status);
        Assert.Contains(lab.Cloud.Events, e => e.Source == "fault" && e.Message == $"409 on POST machines/{id}/?op=release (no Retry-After)");
    }

    [Fact]
    public async Task A_lost_response_is_applied_but_the_client_sees_the_connection_dropped()
    {
        await using var lab = await LabHarness.StartAsync("lost=1");
        var id = NewMachineWithoutTheApi(lab);

        await Assert.ThrowsAsync<HttpRequestException>(() => lab.Http.PostAsync($"machines/{id}/?op=commission", null));

        Assert.Equal(NodeStatus.Commissioning, lab.Cloud.Machines.Get(id).Status);
        Assert.Contains(lab.Cloud.Events, e => e is { Source: "fault" } &&
            e.Message == $"lost the response to POST machines/{id}/?op=commission (the call was handled; the connection is dropped)");
    }

    [Fact]
    public async Task Latency_is_measured_on_the_lab_clock()
    {
        var time = new TimerWatchingClock();
        await using var lab = await LabHarness.StartAsync(time, "latency=200ms");

        var answer = lab.Http.GetAsync("machines/");
        var delay = await time.NextTimerDueAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(200), delay);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults()
    {
        Assert.Equal(await StatusesAsync(), await StatusesAsync());

        static async Task<string> StatusesAsync()
        {
            await using var lab = await LabHarness.StartAsync("503=0.5", "seed=11");
            var statuses = new List<int>();
            for (var i = 0; i < 16; i++) statuses.Add((int)(await lab.Http.GetAsync("machines/")).StatusCode);
            Assert.Contains(200, statuses);
            Assert.Contains(503, statuses);
            return string.Join(',', statuses);
        }
    }

    /// <summary>A New machine enlisted straight into the lab state, so the faulty MAAS API is not involved.</summary>
    private static string NewMachineWithoutTheApi(LabHarness lab) =>
        lab.Cloud.Machines.Create(new MachineSpec("spare", "amd64/generic", ["52:54:00:aa:bb:01"], "manual", new Dictionary<string, string>(), Commission: false)).SystemId;

    /// <summary>A fake clock that tells the test when a timer is armed on it (the server's latency delay), and for how long.</summary>
    private sealed class TimerWatchingClock() : FakeTimeProvider(LabHarness.NewClock().GetUtcNow())
    {
        private readonly TaskCompletionSource<TimeSpan> _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _armed.TrySetResult(dueTime);
            return timer;
        }

        public Task<TimeSpan> NextTimerDueAsync() => _armed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
