namespace Slate.Juju.Tests;

public sealed class ArgvMaskTests
{
    [Theory]
    [InlineData(new[] { "juju", "login", "--password", "pw" }, new[] { "juju", "login", "--password", "***" })]
    [InlineData(new[] { "juju", "--password=pw", "status" }, new[] { "juju", "--password=***", "status" })]
    [InlineData(new[] { "x", "--api-key", "k", "--token=t", "--client-secret", "s" }, new[] { "x", "--api-key", "***", "--token=***", "--client-secret", "***" })]
    [InlineData(new[] { "juju", "remove-machine", "--keep-instance", "3" }, new[] { "juju", "remove-machine", "--keep-instance", "3" })]
    [InlineData(new[] { "juju", "password", "pw" }, new[] { "juju", "password", "pw" })]
    public void Values_of_secret_flags_are_masked(string[] argv, string[] expected)
    {
        Assert.Equal(expected, ArgvMask.Apply(argv));
    }
}
