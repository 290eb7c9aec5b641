namespace Slate.Cli.Steps;

/// <summary>The site's bundle for the phase's bundle gate: the one given, else <c>&lt;site&gt;.bundle.yaml</c> beside the site file.</summary>
internal static class SiteBundle
{
    public static string? Resolve(string? given, string sitePath)
    {
        if (given is not null)
            return given;
        var sibling = Beside(sitePath);
        return File.Exists(sibling) ? sibling : null;
    }

    /// <summary>Where the site's bundle is looked for: <c>&lt;site&gt;.bundle.yaml</c> beside the site file.</summary>
    public static string Beside(string sitePath) => Path.ChangeExtension(sitePath, null) + ".bundle.yaml";
}
