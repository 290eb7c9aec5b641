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
        var outcomes = Fuzz("site.yaml", SiteFiles.CaracalText, path =>
        {
            SiteLoader.Load(path);
            return "loaded (exit 0)";
        });

        Assert.Equal(["loaded (exit 0)", "refused (exit 2)"], outcomes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mutated_bundles_pass_fail_or_are_refused_in_one_line()
    {
        var outcomes = Fuzz("bundle.yaml", BundleWorkspace.ProjectBundleText,
            path => workspace.Check(path).AllPassed ? "gate green (exit 0)" : "gate red (exit 3)");

        Assert.True(outcomes.Count >= 2, "the mutations never changed the outcome: the fuzzer is not exercising the reader");
    }

    /// <summary>Loads <see cref="Cases"/> mutations of <paramref name="text"/>; the outcomes seen, counted, go to the test output.</summary>
    private Dictionary<string, int> Fuzz(string name, string text, Func<string, string> load)
    {
        var mutator = new InputMutator(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var path = workspace.Write(name, mutator.Mutate(text));
            var outcome = Run(i, () => load(path));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        output.WriteLine($"{name}: {Cases} cases (seed {Seed}): " +
                         string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}")));
        return outcomes;
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
}
