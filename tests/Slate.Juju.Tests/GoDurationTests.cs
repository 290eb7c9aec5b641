using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(600, "10m")]
    [InlineData(90, "1m30s")]
    [InlineData(5400, "1h30m")]
    [InlineData(90061, "25h1m1s")]
    public void Formats_like_go(int seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Sub_second_precision_is_refused_rather_than_rounded()
    {
        Assert.Equal(JujuFailure.Invalid, (Assert.Throws<JujuException>(() => GoDuration.Format(TimeSpan.FromMilliseconds(500)))).Failure);
    }
}
