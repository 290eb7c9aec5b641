using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Slate.Cli.Tests;

/// <summary>
/// `slate rehearse --libvirt qemu:///system` on the real libvirtd test.sh starts (as root): the hypervisor steps run
/// against a world the rehearsal creates from the lab's twin and removes afterwards; a name already there is refused.
/// </summary>
public sealed partial class RehearseOnLibvirtTests
{
    private const string Uri = "qemu:///system";
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private static readonly string[] WorldDomains = ["openstack0", "openstack1", "openstack2", "openstack3"];
    private static readonly string[] WorldNetworks = ["8_lbaas", "data-tenant", "metal-admin", "provider-public", "replication", "storage"];

    [Fact]
    public async Task Rehearses_green_on_a_world_it_creates_and_leaves_nothing_of_it()
    {
        var before = Snapshot();

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--libvirt", Uri);

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        var created = Assert.Single(io.Out, l => l.StartsWith($"Hypervisor: the real libvirtd at {Uri}: created 4 domains, 6 networks, pool ", StringComparison.Ordinal));
        var pool = PoolName().Match(created).Groups[1].Value;
        Assert.Contains(io.Out, l => Regex.IsMatch(l, "^EXIT GATE +GATE green"));
        Assert.Contains(io.Out, l => Regex.IsMatch(l, @"^Rehearsal: 12 of 12 step\(s\) green; "));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  domain-off     openstack3: shut off", StringComparison.Ordinal));
        Assert.Contains($"Removed the rehearsal's libvirt world: 4 domains, 6 networks, pool {pool}, 8 volumes", io.Out);
        Assert.Empty(io.Errors);
        var after = Snapshot();
        Assert.Equal(before, after);
        Assert.DoesNotContain(after.Domains.Split('\n'), WorldDomains.Contains);
        Assert.DoesNotContain(after.Networks.Split('\n'), WorldNetworks.Contains);
        Assert.DoesNotContain(pool, after.Pools.Split('\n'));
    }

    [Fact]
    public async Task A_name_already_on_the_libvirtd_is_refused_with_exit_4_naming_it_and_nothing_is_created()
    {
        var xml = Path.Combine(Path.GetTempPath(), $"slate-taken-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(xml, "<network><name>replication</name></network>");
        Virsh($"net-define {xml}");
        try
        {
            var before = Snapshot();

            var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--libvirt", Uri);

            Assert.Equal(4, code);
            Assert.Contains(io.Errors, e => e.Contains($"--libvirt {Uri}: network 'replication' already exist(s) there", StringComparison.Ordinal));
            Assert.Equal(before, Snapshot());
            Assert.Contains("replication", Snapshot().Networks.Split('\n'));
        }
        finally
        {
            Virsh("net-undefine replication");
            File.Delete(xml);
        }
    }

    private sealed record LibvirtNames(string Domains, string Networks, string Pools);

    private static LibvirtNames Snapshot() =>
        new(Virsh("list --all --name"), Virsh("net-list --all --name"), Virsh("pool-list --all --name"));

    private static string Virsh(string commands)
    {
        var start = new ProcessStartInfo("virsh", ["-q", "-c", Uri, commands]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run virsh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"virsh '{commands}' failed: {stderr.Trim()} (this test needs the real libvirtd: run scripts/start-libvirtd.sh as root)");
        return string.Join('\n', stdout.Result.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"pool (slate-rehearsal-[0-9a-f]{6}),")]
    private static partial Regex PoolName();
}
