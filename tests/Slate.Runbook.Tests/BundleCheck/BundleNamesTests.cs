using Slate.Runbook.BundleCheck;
using Slate.Runbook.BundleCheck.Rules;

namespace Slate.Runbook.Tests.BundleCheck;

public sealed class BundleNamesTests
{
    [Theory]
    [InlineData("keystone", "keystone")]
    [InlineData("ch:mysql-innodb-cluster", "mysql-innodb-cluster")]
    [InlineData("cs:~openstack-charmers-next/hacluster-72", "hacluster")]
    [InlineData("cs:percona-cluster", "percona-cluster")]
    [InlineData("../../keystone_ubuntu@24.04-amd64.charm", "keystone")]
    public void Charm_names_lose_prefix_owner_and_legacy_revision(string charm, string name) =>
        Assert.Equal(name, BundleCharm.NameOf(charm));

    [Theory]
    [InlineData("new", null, null, null, null)]
    [InlineData("3", null, "3", null, null)]
    [InlineData("lxd:0", "lxd", "0", null, null)]
    [InlineData("lxd:new", "lxd", null, null, null)]
    [InlineData("mysql", null, null, "mysql", null)]
    [InlineData("kvm:ceph-mon/2", "kvm", null, "ceph-mon", 2)]
    [InlineData("lxd:ceph-mon/0", "lxd", null, "ceph-mon", 0)]
    [InlineData("1234567890", null, "1234567890", null, null)]
    public void Placements_parse(string text, string? container, string? machine, string? app, int? unit) =>
        Assert.Equal(new Placement(container, machine, app, unit), Placement.Parse(text));

    [Theory]
    [InlineData("zone:0")]
    [InlineData("lxd:")]
    [InlineData("mysql/x")]
    [InlineData("/0")]
    [InlineData("01")]
    [InlineData("lxd:0:1")]
    [InlineData("new/0")]
    [InlineData("mysql/99999999999")]
    [InlineData("Keystone")]
    public void Bad_placements_do_not_parse(string text) => Assert.Null(Placement.Parse(text));
}
