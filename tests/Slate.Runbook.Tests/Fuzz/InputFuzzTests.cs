using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.BundleCheck;
using Slate.Runbook.Tests.Sites;
using Xunit.Abstractions;

namespace Slate.Runbook.Tests.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of the site file and the bundle: every mutated input is loaded (exit 0 or 3 in the CLI) or
/// refused with exactly one file error of one line (exit 2), and each ends promptly; never another exception.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 300;
    private const int Seed = 17;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20); // a hang guard, not a speed assertion

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Mutated_site_files_load_or_are_refused_in_one_line()
    {
        var mutator = new InputMutator(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var path = workspace.Write("site.yaml", mutator.Mutate(SiteFiles.CaracalText));
            var outcome = Run(i, () =>
            {
                SiteLoader.Load(path);
                return "loaded (exit 0)";
            });
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Report("site", outcomes);
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void Mutated_bundles_pass_fail_or_are_refused_in_one_line()
    {
        var mutator = new InputMutator(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var path = workspace.Write("bundle.yaml", mutator.Mutate(BundleWorkspace.ProjectBundleText));
            var outcome = Run(i, () => workspace.Check(path).AllPassed ? "gate green (exit 0)" : "gate red (exit 3)");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Report("bundle", outcomes);
        Assert.True(outcomes.Count >= 2, "the mutations never changed the outcome: the fuzzer is not exercising the reader");
    }

    private static string Run(int index, Func<string> load)
    {
        var task = Task.Run(load);
        Assert.True(Task.WhenAny(task, Task.Delay(Prompt)).Result == task, $"case {index} did not end within {Prompt}");
        if (task.Exception?.InnerException is { } error)
        {
            Assert.True(error is SiteFileException or BundleFileException, $"case {index}: {error}");
            Assert.DoesNotContain('\n', error.Message);
            Assert.DoesNotContain('\r', error.Message);
            return "refused (exit 2)";
        }
        return task.Result;
    }

    private void Report(string input, Dictionary<string, int> outcomes) =>
        output.WriteLine($"{input}: {Cases} cases (seed {Seed}): " +
                         string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}")));
}
