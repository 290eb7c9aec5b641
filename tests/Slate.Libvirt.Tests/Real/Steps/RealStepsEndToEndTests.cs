using System.Security.Cryptography;
using System.Xml.Linq;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Ports;
using Slate.Runbook.StaleNetworks;

namespace Slate.Libvirt.Tests.Real.Steps;

/// <summary>
/// Runbook Steps 3 and 4 through the step runner on real libvirtd, against the runbook-shaped world, checked afterwards
/// with virsh, qemu-img and stat: what libvirt and the files say, not what the adapter says.
/// </summary>
public sealed class RealStepsEndToEndTests : IDisposable
{
    private readonly RunbookLibvirtWorld world = new();
    private readonly RecordingRunObserver observer = new();

    public void Dispose() => world.Dispose();

    private async Task<StepRun> RunAsync(IStep step, RunMode mode, params string[] confirmations)
    {
        using var interruption = new Interruption();
        return await new StepRunner(world.Services, observer, interruption, confirmations).RunAsync(step, mode);
    }

    private string InactiveXml(string domain) => Virsh.Must($"dumpxml --inactive {domain}");

    private static string Stat(string path) => Virsh.RunProcess("stat", "-c", "%u:%g:%a:%s", path).Stdout.Trim();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Networks_prune_detaches_only_the_stale_nics_removes_the_network_and_leaves_the_bystander_untouched()
    {
        var bystander = InactiveXml(world.Bystander);
        var before = world.Hosts.ToDictionary(h => h, h => DomIfList(h));

        var run = await RunAsync(new StaleNetworksStep(world.Services), RunMode.Apply);

        Assert.True(run.ExitCode == ExitCode.Ok, string.Join("\n", observer.Lines));
        Assert.True(run.Gate!.Green);
        Assert.DoesNotContain(world.StaleNetwork, Virsh.Must("net-list --all --name").Split('\n').Select(l => l.Trim()));
        foreach (var host in world.Hosts)
        {
            var nics = DomIfList(host);
            Assert.Equal(5, nics.Count);
            Assert.Equal(before[host].Where(n => !n.Contains(world.StaleNetwork, StringComparison.Ordinal)), nics);
            Assert.Equal("shut off", Virsh.Must($"domstate {host}").Trim());
            var backup = XDocument.Load(Path.Combine(world.RunFolder, $"{host}-domain.xml"));
            Assert.Contains(backup.Descendants("mac"), m => (string?)m.Attribute("address") == world.StaleMac(host));
        }
        Assert.Equal(bystander, InactiveXml(world.Bystander));
        Assert.Equal("0:0:600", Stat(Path.Combine(world.RunFolder, $"{world.StaleNetwork}-net.xml"))[..7]);

        var again = await RunAsync(new StaleNetworksStep(world.Services), RunMode.Apply);

        Assert.Equal(ExitCode.Ok, again.ExitCode);
        Assert.Empty(again.Assessment.Plan.Actions);

        // The backup restores what was removed, as --help says: virsh net-define FILE.
        Virsh.Must($"net-define {Path.Combine(world.RunFolder, $"{world.StaleNetwork}-net.xml")}");
        Assert.Contains(world.StaleNetwork, Virsh.Must("net-list --all --name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Osd_wipe_recreates_each_vdb_blank_root_root_600_compat_1_1_and_leaves_every_vda_and_the_bystander_alone()
    {
        var os = world.Hosts.Append(world.Bystander).ToDictionary(d => d, d => (Stat(world.OsDisk(d)), Sha256(world.OsDisk(d))));
        Assert.All(world.Hosts, h => Assert.StartsWith("64055:64055:644:", Stat(world.OsdDisk(h)), StringComparison.Ordinal));

        var plan = await RunAsync(new OsdWipeStep(world.Services), RunMode.Plan);
        var run = await RunAsync(new OsdWipeStep(world.Services), RunMode.Apply, "2");

        Assert.Equal(world.Hosts.Select(h => $"wipe-osd {h} {world.OsdDisk(h)}"), plan.Assessment.Plan.Actions.Select(a => $"{a.Kind} {a.Subject} {a.Arguments["path"]}"));
        Assert.True(run.ExitCode == ExitCode.Ok, string.Join("\n", observer.Lines));
        Assert.True(run.Gate!.Green);
        foreach (var host in world.Hosts)
        {
            var (_, stat, _) = Virsh.RunProcess("stat", "-c", "%u:%g:%a:%b:%B", world.OsdDisk(host));
            var fields = stat.Trim().Split(':');
            Assert.Equal(["0", "0", "600"], fields[..3]);
            Assert.InRange(long.Parse(fields[3]) * long.Parse(fields[4]), 1, (1L << 20) - 1);
            var (_, info, _) = Virsh.RunProcess("qemu-img", "info", "-U", world.OsdDisk(host));
            Assert.Contains("virtual size: 512 GiB", info, StringComparison.Ordinal);
            Assert.Contains("compat: 1.1", info, StringComparison.Ordinal);
            Assert.Contains($"{world.OsdDisk(host)}", Virsh.Must($"domblklist {host}"), StringComparison.Ordinal);
        }
        Assert.All(os, d => Assert.Equal(d.Value, (Stat(world.OsDisk(d.Key)), Sha256(world.OsDisk(d.Key)))));

        var again = await RunAsync(new OsdWipeStep(world.Services), RunMode.Apply);

        Assert.Equal(ExitCode.Ok, again.ExitCode);
        Assert.Empty(again.Assessment.Plan.Actions);
    }

    [Fact]
    public async Task A_running_host_domain_refuses_both_steps_with_exit_4_and_nothing_changed()
    {
        var host = world.Hosts[1];
        Virsh.Must($"start {host}");
        try
        {
            var xml = InactiveXml(host);
            var osd = (Stat(world.OsdDisk(host)), Sha256(world.OsdDisk(host)));

            var prune = await RunAsync(new StaleNetworksStep(world.Services), RunMode.Apply);
            var wipe = await RunAsync(new OsdWipeStep(world.Services), RunMode.Apply, "2");

            Assert.Equal((ExitCode.Refused, ExitCode.Refused), (prune.ExitCode, wipe.ExitCode));
            Assert.Contains($"domain-off {host}: running", Assert.Single(prune.Assessment.Plan.Findings, f => f.Severity == Severity.Precondition).Message, StringComparison.Ordinal);
            Assert.Equal(xml, InactiveXml(host));
            Assert.Equal(osd, (Stat(world.OsdDisk(host)), Sha256(world.OsdDisk(host))));
            Assert.Contains(world.StaleNetwork, Virsh.Must("net-list --name"), StringComparison.Ordinal);
            Assert.Empty(world.Services.Written);
        }
        finally
        {
            Virsh.Run($"destroy {host}");
        }
    }

    [Fact]
    public async Task Hosts_still_in_MAAS_refuse_both_steps_with_exit_4()
    {
        world.Services.Enrolled.Add(new MaasMachine("abc123", world.Hosts[0], 4, "Ready", "off", "pod", []));

        var prune = await RunAsync(new StaleNetworksStep(world.Services), RunMode.Apply);
        var wipe = await RunAsync(new OsdWipeStep(world.Services), RunMode.Apply, "2");

        Assert.Equal((ExitCode.Refused, ExitCode.Refused), (prune.ExitCode, wipe.ExitCode));
        Assert.StartsWith("64055:64055:644:", Stat(world.OsdDisk(world.Hosts[0])), StringComparison.Ordinal);
        Assert.Equal(6, DomIfList(world.Hosts[0]).Count);
    }

    /// <summary>`virsh domiflist` rows of the persistent definition (interface, type, source, model, MAC).</summary>
    private static List<string> DomIfList(string domain) =>
        [.. Virsh.Must($"domiflist {domain} --inactive").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Contains("52:54:00", StringComparison.Ordinal))];
}
