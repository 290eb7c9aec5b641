using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>Application and saas names must be names Juju accepts (juju/names IsValidApplication), as written.</summary>
public sealed class BundleApplicationNameTests : IDisposable
{
    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("\"keystone \"")]
    [InlineData("\" keystone\"")]
    [InlineData("\"*\"")]
    [InlineData("\"~\"")]
    [InlineData("\"\"")]
    [InlineData("key/stone")]
    [InlineData("Keystone")]
    [InlineData("keystone-2")]
    public void A_bad_application_name_is_refused_at_its_line(string key)
    {
        var bundle = workspace.Write("bundle.yaml", $"applications:\n  mysql:\n    charm: mysql\n  {key}:\n    charm: keystone\n");

        var error = Assert.Throws<BundleFileException>(() => BundleLoader.Load(bundle, []));

        Assert.Equal(4L, error.Line);
        Assert.StartsWith("applications.", error.Key);
        Assert.Contains("is not an application name Juju accepts", error.Problem);
    }

    [Fact]
    public void A_bad_saas_name_is_refused()
    {
        var bundle = workspace.Write("bundle.yaml", "applications:\n  a:\n    charm: a\nsaas:\n  \"remote db\":\n    url: c:admin/db.mysql\n");

        var error = Assert.Throws<BundleFileException>(() => BundleLoader.Load(bundle, []));

        Assert.Equal(("saas.remote db", 5L), (error.Key, error.Line));
    }

    [Theory]
    [InlineData("keystone")]
    [InlineData("mysql-innodb-cluster")]
    [InlineData("ceph-osd2")]
    [InlineData("vault-k8s-a1")]
    public void Names_juju_accepts_load(string name)
    {
        var bundle = workspace.Write("bundle.yaml", $"applications:\n  {name}:\n    charm: x\n");

        Assert.Equal([name], BundleLoader.Load(bundle, []).Applications.Keys);
    }
}
