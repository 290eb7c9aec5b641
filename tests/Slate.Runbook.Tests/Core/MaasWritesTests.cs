using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

public sealed class MaasWritesTests
{
    private int _sent;

    private Func<Task<string>> FailingFirst(int failures, MaasFailure failure) => () =>
        ++_sent <= failures ? throw new MaasException(failure, "MAAS is busy") : Task.FromResult("created");

    [Fact]
    public async Task A_write_MAAS_was_too_busy_to_do_is_sent_again_until_it_is_done()
    {
        var answer = await MaasWrites.SendAsync(FailingFirst(MaasWrites.Attempts - 1, MaasFailure.Unreachable), new FastTime(1000), CancellationToken.None);

        Assert.Equal("created", answer);
        Assert.Equal(MaasWrites.Attempts, _sent);
    }

    [Fact]
    public async Task The_attempts_are_bounded()
    {
        await Assert.ThrowsAsync<MaasException>(() => MaasWrites.SendAsync(FailingFirst(99, MaasFailure.Unreachable), new FastTime(1000), CancellationToken.None));

        Assert.Equal(MaasWrites.Attempts, _sent);
    }

    [Theory]
    [InlineData(MaasFailure.OutcomeUnknown)]
    [InlineData(MaasFailure.Refused)]
    public async Task A_write_that_may_have_happened_or_was_refused_is_never_sent_again(MaasFailure failure)
    {
        await Assert.ThrowsAsync<MaasException>(() => MaasWrites.SendAsync(FailingFirst(1, failure), new FastTime(1000), CancellationToken.None));

        Assert.Equal(1, _sent);
    }
}
