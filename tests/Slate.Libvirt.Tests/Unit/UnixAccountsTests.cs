using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Unit;

public sealed class UnixAccountsTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("slate-accounts-");
    private readonly UnixAccounts accounts;

    public UnixAccountsTests()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "passwd"), "root:x:0:0:root:/root:/bin/bash\nlibvirt-qemu:x:64055:994::/var/lib/libvirt:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(dir.FullName, "group"), "root:x:0:\nkvm:x:994:\n");
        accounts = new UnixAccounts(Path.Combine(dir.FullName, "passwd"), Path.Combine(dir.FullName, "group"));
    }

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void Maps_names_and_ids_both_ways()
    {
        Assert.Equal((64055, 994), (accounts.UserId("libvirt-qemu"), accounts.GroupId("kvm")));
        Assert.Equal(("libvirt-qemu", "kvm"), (accounts.UserName(64055), accounts.GroupName(994)));
        Assert.Equal(1234, accounts.UserId("1234"));
        Assert.Null(accounts.UserName(1234));
    }

    [Fact]
    public void An_unknown_name_is_an_error_naming_it()
    {
        var error = Assert.Throws<HypervisorException>(() => accounts.GroupId("libvirt"));

        Assert.Equal($"no group named 'libvirt' in {dir.FullName}/group", error.Message);
    }
}
