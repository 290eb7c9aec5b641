namespace Slate.Runbook.Tests.Sites;

/// <summary>The project's own site file (copied beside the tests) and edits of it for negative cases.</summary>
internal static class SiteFiles
{
    public static string CaracalPath => Path.Combine(AppContext.BaseDirectory, "sites", "caracal-testcloud.yaml");

    public static string CaracalText => File.ReadAllText(CaracalPath);

    /// <summary>The caracal site text with one exact substring replaced; fails if the substring is not there.</summary>
    public static string CaracalWith(string find, string replace)
    {
        var text = CaracalText;
        Assert.Contains(find, text);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line where <paramref name="find"/> first occurs in the caracal site text.</summary>
    public static int CaracalLineOf(string find) =>
        CaracalText[..CaracalText.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
