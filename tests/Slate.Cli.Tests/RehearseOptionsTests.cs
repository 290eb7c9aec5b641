using System.Text.RegularExpressions;

namespace Slate.Cli.Tests;

/// <summary>`slate rehearse --hosts N --seed S`: a bigger cloud stays green, and a seed repeats the lab's ids.</summary>
public sealed partial class RehearseOptionsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    /// <summary>The system ids the run names: the orphans it deleted (seeded with the lab) and the hosts' fresh ones (drawn at re-enrolment).</summary>
    private static List<string> SystemIds(RecordingInteraction io) =>
        [.. io.Out.Select(l => SystemId().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value + m.Groups[2].Value)];

    [GeneratedRegex(@"(?:\(([a-z0-9]{6})\) deleted from MAAS|^PASS  fresh-id +\S+: ([a-z0-9]{6})$)")]
    private static partial Regex SystemId();

    [Fact]
    public async Task Sixty_four_hosts_rehearse_green_with_a_bundle_grown_to_them()
    {
        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--hosts", "64");

        Assert.True(code == 0, string.Join('\n', io.Out.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal))));
        Assert.Contains(io.Out, l => Regex.IsMatch(l, "^carve openstack63 +GATE green"));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  fresh-id       openstack63:", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => Regex.IsMatch(l, "^bundle gate +GATE green"));
        Assert.Contains(io.Out, l => Regex.IsMatch(l, "^EXIT GATE +GATE green"));
        Assert.Matches(@"^Rehearsal: 72 of 72 step\(s\) green; ", io.Out[^1]);
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_system_ids_and_another_seed_other_ones()
    {
        var (firstCode, first) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--seed", "9");
        var (secondCode, second) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--seed", "9");
        var (otherCode, other) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--fault", "seed=10");

        Assert.Equal((0, 0, 0), (firstCode, secondCode, otherCode));
        Assert.Equal(5, SystemIds(first).Count);
        Assert.Equal(SystemIds(first), SystemIds(second));
        Assert.NotEqual(SystemIds(first), SystemIds(other));
    }

    [Theory]
    [InlineData("--hosts", "0", "--hosts 0: expected a whole number from 1 to 256")]
    [InlineData("--hosts", "257", "--hosts 257: expected a whole number from 1 to 256")]
    [InlineData("--hosts", "many", "--hosts many: expected a whole number")]
    [InlineData("--seed", "x", "--seed x: expected a whole number")]
    public async Task A_bad_value_is_one_line_and_exit_2(string option, string value, string message)
    {
        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", option, value);

        Assert.Equal(2, code);
        Assert.Contains(io.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(io.Out, l => l.StartsWith("Rehearsal of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_different_seeds_are_refused_since_they_are_one_thing()
    {
        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--seed", "9", "--fault", "seed=10");

        Assert.Equal(2, code);
        Assert.Contains(io.Errors, e => e.Contains("--seed 9 and --fault seed=10: one seed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hosts_with_a_site_file_is_refused()
    {
        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "rehearse", "--hosts", "8", "--site", CliHarness.SitePath);

        Assert.Equal(2, code);
        Assert.Contains(io.Errors, e => e.Contains("--hosts 8: only the built-in cloud grows", StringComparison.Ordinal));
    }
}
