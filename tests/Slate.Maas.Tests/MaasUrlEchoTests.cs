using Slate.Maas.Errors;

namespace Slate.Maas.Tests;

/// <summary>An unparsable MAAS_URL is explained without echoing it: it may carry user:password@ or a key in its query.</summary>
public sealed class MaasUrlEchoTests
{
    [Theory]
    [InlineData("http://admin:hunter2@maas:52x0/MAAS/", "check its host and port")]
    [InlineData("maas.example/MAAS/?api_key=ck:tk:hunter2", "no scheme")]
    [InlineData("http://admin:hunter2@maas /MAAS/", "spaces")]
    [InlineData("http://[::1/MAAS/?key=hunter2", "check its host and port")]
    public void The_error_says_what_is_wrong_without_the_secret(string url, string problem)
    {
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromEnvironment(
            new Dictionary<string, string?> { ["MAAS_URL"] = url, ["MAAS_API_KEY"] = "ck:tk:secret" }));

        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain("admin", error.Message);
        Assert.Contains("MAAS_URL", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
