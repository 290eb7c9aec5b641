using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>The policyd-override resource must be a regular file holding a zip archive, as the charm unpacks it.</summary>
public sealed class PolicydResourceTests : IDisposable
{
    private const string ProjectResource = "policyd-override: ./keystone-policyd-override.zip";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/proc/self/environ", "is not a zip archive")]
    [InlineData("/etc/hostname", "is not a zip archive")]
    [InlineData("/tmp", "is a directory, not a regular file")]
    public void A_resource_that_is_no_zip_archive_fails_the_gate(string resource, string problem)
    {
        var report = workspace.Check(workspace.BundleWith((ProjectResource, $"policyd-override: {resource}")));

        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal((BundleRuleIds.Policyd, "keystone"), (failure.RuleId, failure.Subject));
        Assert.Contains($"policyd-override file '{resource}' {problem}", failure.Message);
    }

    [Fact]
    public void An_empty_zip_archive_passes()
    {
        File.WriteAllBytes(Path.Combine(workspace.Dir, "empty.zip"), [(byte)'P', (byte)'K', 5, 6, .. new byte[18]]);

        var report = workspace.Check(workspace.BundleWith((ProjectResource, "policyd-override: ./empty.zip")));

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
    }
}
