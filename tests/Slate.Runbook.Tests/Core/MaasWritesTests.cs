using Microsoft.Extensions.Time.Testing;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Core;

public sealed class MaasWritesTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _progress = [];
    private int _sent;

    private Func<Task<string>> FailingFirst(int failures, MaasFailure failure, TimeSpan? retryAfter = null) => () =>
        ++_sent <= failures ? throw new MaasException(failure, "MAAS answered POST /MAAS/api/2.0/machines/ with 503 ServiceUnavailable.", null, retryAfter) : Task.FromResult("created");

    private Task<string> Send(Func<Task<string>> write) =>
        MaasWrites.SendAsync(write, _time, CancellationToken.None, new ListProgress(_progress), "POST machines openstack0");

    /// <summary>Fails instead of hanging when a send waits on the fake clock, which these tests do not advance.</summary>
    private static Task<T> Bounded<T>(Task<T> send) => send.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Lets the write's continuations run on the real clock until <see cref="_sent"/> reaches <paramref name="sends"/> (or a second passes).</summary>
    private async Task<int> SentAsync(int sends)
    {
        for (var i = 0; i < 1000 && Volatile.Read(ref _sent) < sends; i++)
            await Task.Delay(1);
        return _sent;
    }

    /// <summary>Asserts that the write, failed once, is not sent again before <paramref name="wait"/> and is done once it has passed.</summary>
    private async Task AssertSentAgainOnlyAfterAsync(Task<string> answer, TimeSpan wait, TimeSpan lastStep)
    {
        Assert.Equal(1, await SentAsync(1));
        _time.Advance(wait - lastStep);
        await Task.Delay(50);
        Assert.Equal(1, _sent);
        _time.Advance(lastStep);
        Assert.Equal("created", await answer.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_write_answered_409_with_Retry_After_is_sent_again_after_the_wait()
    {
        var answer = Send(FailingFirst(1, MaasFailure.Busy, TimeSpan.FromSeconds(5)));

        await AssertSentAgainOnlyAfterAsync(answer, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, _sent);
        Assert.Equal(["POST machines openstack0: MAAS is busy (409, retry after 5 s); sending again (1/6)"], _progress);
    }

    [Fact]
    public async Task A_503_waits_its_Retry_After_rather_than_the_backoff()
    {
        var answer = Send(FailingFirst(1, MaasFailure.Unreachable, TimeSpan.FromSeconds(10)));

        await AssertSentAgainOnlyAfterAsync(answer, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal(["POST machines openstack0: MAAS answered POST /MAAS/api/2.0/machines/ with 503 ServiceUnavailable (retry after 10 s); sending again (1/6)"], _progress);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_waited_only_up_to_MaxWait()
    {
        var answer = Send(FailingFirst(1, MaasFailure.Busy, TimeSpan.FromHours(1)));

        await AssertSentAgainOnlyAfterAsync(answer, MaasWrites.MaxWait, TimeSpan.FromSeconds(1));
        Assert.Equal(["POST machines openstack0: MAAS is busy (409, retry after 3600 s, waiting 30 s); sending again (1/6)"], _progress);
    }

    [Fact]
    public async Task Without_Retry_After_each_wait_is_a_second_longer_than_the_last()
    {
        var answer = Send(FailingFirst(2, MaasFailure.Unreachable));

        Assert.Equal(1, await SentAsync(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await SentAsync(2));
        _time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(50);
        Assert.Equal(2, _sent);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("created", await answer.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.EndsWith("(waiting 1 s); sending again (1/6)", _progress[0], StringComparison.Ordinal);
        Assert.EndsWith("(waiting 2 s); sending again (2/6)", _progress[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MaasFailure.Unreachable)]
    [InlineData(MaasFailure.Busy)]
    public async Task A_write_MAAS_did_not_do_is_sent_again_until_it_is_done_within_the_bounded_attempts(MaasFailure failure)
    {
        Assert.Equal("created", await Bounded(MaasWrites.SendAsync(FailingFirst(MaasWrites.Attempts - 1, failure, TimeSpan.Zero), _time, CancellationToken.None)));
        Assert.Equal(MaasWrites.Attempts, _sent);

        _sent = 0;
        var error = await Assert.ThrowsAsync<MaasException>(() => Bounded(MaasWrites.SendAsync(FailingFirst(99, failure, TimeSpan.Zero), _time, CancellationToken.None)));
        Assert.Equal(failure, error.Failure);
        Assert.Equal(MaasWrites.Attempts, _sent);
    }

    [Fact]
    public async Task A_state_conflict_is_refused_with_MAASs_text_and_sent_once()
    {
        const string text = "MAAS answered POST /MAAS/api/2.0/machines/abc/?op=release with 409 Conflict: Node cannot be released in its current state ('Ready').";
        var write = () => ++_sent == 1 ? throw new MaasException(MaasFailure.Refused, text) : Task.FromResult("released");

        var error = await Assert.ThrowsAsync<MaasException>(() => Bounded(Send(write)));

        Assert.Equal(MaasFailure.Refused, error.Failure);
        Assert.Equal(text, error.Message);
        Assert.Equal(1, _sent);
        Assert.Empty(_progress);
    }

    [Theory]
    [InlineData(MaasFailure.OutcomeUnknown)]
    [InlineData(MaasFailure.NotFound)]
    [InlineData(MaasFailure.Unauthorized)]
    public async Task A_lost_answer_or_a_refusal_is_never_sent_again_even_with_a_Retry_After(MaasFailure failure)
    {
        var error = await Assert.ThrowsAsync<MaasException>(() => Bounded(Send(FailingFirst(1, failure, TimeSpan.FromSeconds(5)))));

        Assert.Equal(failure, error.Failure);
        Assert.Equal(1, _sent);
        Assert.Empty(_progress);
    }

    [Fact]
    public async Task A_write_that_answers_nothing_is_sent_again_the_same_way()
    {
        var write = () => ++_sent == 1 ? throw new MaasException(MaasFailure.Busy, "busy", null, TimeSpan.Zero) : Task.CompletedTask;

        await MaasWrites.SendAsync(write, _time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _sent);
    }

    private sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
