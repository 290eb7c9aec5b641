using System.Text.RegularExpressions;

namespace Slate.Runbook.Tests.Conventions;

/// <summary>
/// The conventions .editorconfig states, enforced on every build's test run: a cancellation token is `ct`, and each
/// source file is named after the type it holds (a partial's file after the type, then a dot and its part).
/// </summary>
public sealed partial class SourceConventionsTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Slate.slnx")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"no Slate.slnx above {AppContext.BaseDirectory}: the conventions are checked on the source tree");
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_cancellation_token_is_named_anything_but_ct()
    {
        var offenders = Sources("src").Concat(Sources("tests"))
            .Where(f => LongTokenName().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();

        Assert.True(offenders.Count == 0, "CancellationToken parameters must be named ct: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_source_file_is_named_after_a_type_it_declares()
    {
        var offenders = Sources("src")
            .Where(f => Path.GetFileName(f) != "Program.cs")
            .Where(f => !Declarations().Matches(File.ReadAllText(f)).Any(m => m.Groups["name"].Value == Path.GetFileName(f).Split('.')[0]))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();

        Assert.NotEmpty(Sources("src"));
        Assert.True(offenders.Count == 0, "each file is named after the type it holds: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"CancellationToken\??\s+cancellationToken\b")]
    private static partial Regex LongTokenName();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:class\s+|struct\s+)?(?<name>\w+)")]
    private static partial Regex Declarations();
}
