using System.CommandLine;
using System.Globalization;
using Slate.Lab;
using Slate.Lab.Faults;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>`slate rehearse --hosts N --seed S --libvirt URI`: the cloud's size, the lab's seed, and a real libvirtd for the hypervisor steps.</summary>
internal sealed record RehearsalOptions(int? Hosts, int? Seed, string? LibvirtUri)
{
    public const int MaxHosts = 256;

    private static readonly Option<string?> HostsOption = new("--hosts")
    {
        Description = $"Grow the built-in cloud to N hosts openstack0..N-1 (1 to {MaxHosts}; the runbook's cloud has 4)",
    };

    private static readonly Option<string?> SeedOption = new("--seed")
    {
        Description = "Seed the lab's randomness (system ids and the fault draws): the same seed makes the same ids; same as --fault seed=S",
    };

    private static readonly Option<string?> LibvirtOption = new("--libvirt")
    {
        Description = "Run the hypervisor steps on this real libvirtd (e.g. qemu:///system) against domains, networks, a pool and volumes the " +
                      "rehearsal creates from the lab's hypervisor and removes afterwards; refused (exit 4) if any of their names exists there",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(HostsOption);
        command.Options.Add(SeedOption);
        command.Options.Add(LibvirtOption);
    }

    /// <summary>The options as given; a bad value is a one-line input error (exit 2).</summary>
    public static RehearsalOptions Read(ParseResult result)
    {
        var hosts = result.GetValue(HostsOption) is { } hostsText
            ? Whole(hostsText, "--hosts") is var count and >= 1 and <= MaxHosts ? count
                : throw new CliInputException($"--hosts {hostsText}: expected a whole number from 1 to {MaxHosts}")
            : (int?)null;
        var seed = result.GetValue(SeedOption) is { } seedText ? Whole(seedText, "--seed") : (int?)null;
        var libvirt = result.GetValue(LibvirtOption) is { } uri
            ? uri.Trim().Length > 0 ? uri.Trim() : throw new CliInputException("--libvirt: expected a libvirt URI, e.g. qemu:///system")
            : null;
        return new RehearsalOptions(hosts, seed, libvirt);
    }

    /// <summary>
    /// The site rehearsed: the built-in cloud grown to --hosts, its bundle (written in <paramref name="workDir"/> by
    /// the rehearsal) grown with it (a site file says its own hosts); with --libvirt, images in the rehearsal's own folder.
    /// </summary>
    public Site SiteFor(Site site, bool builtIn, string workDir)
    {
        if (Hosts is { } count)
        {
            if (!builtIn) throw new CliInputException($"--hosts {count}: only the built-in cloud grows; a --site file lists its own hosts");
            File.WriteAllText(Path.Combine(workDir, SampleSite.BundleName), SampleSite.BundleTextWithHosts(count));
            site = SiteLoader.Parse(SampleSite.TextWithHosts(count), $"{SampleSite.Name} (built-in, {count} hosts)");
        }
        return LibvirtUri is { } uri ? RehearsalLibvirtWorld.SiteFor(site, uri, workDir) : site;
    }

    /// <summary>One seed: --seed S and --fault seed=S are the same thing; both with different values is an input error.</summary>
    public LabFaults Seeded(LabFaults faults)
    {
        if (Seed is not { } seed) return faults;
        if (faults.Seed is { } other && other != seed)
            throw new CliInputException($"--seed {seed} and --fault seed={other}: one seed, please (they are the same thing)");
        return faults.WithSeed(seed);
    }

    private static int Whole(string text, string option) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException($"{option} {text}: expected a whole number");
}
