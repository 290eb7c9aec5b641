using Slate.Runbook.Files;
using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Each policyd application turns overrides on and ships its policyd-override resource as a file that exists.</summary>
internal static class PolicydRule
{
    public const string Option = "use-policyd-override";
    public const string Resource = "policyd-override";

    private static readonly byte[] ZipSignature = "PK\x03\x04"u8.ToArray();
    private static readonly byte[] EmptyZipSignature = "PK\x05\x06"u8.ToArray();

    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        foreach (var name in context.Site.Bundle.Policyd)
        {
            yield return context.Bundle.Applications.TryGetValue(name, out var app)
                ? Check(app)
                : Fail(BundleRuleIds.Policyd, name, "is a policyd application of the site but not in the bundle");
        }
    }

    private static BundleRuleResult Check(BundleApplication app)
    {
        if (!string.Equals(app.Option(Option), "true", StringComparison.OrdinalIgnoreCase))
            return Fail(BundleRuleIds.Policyd, app.Name, $"{Option} is '{app.Option(Option) ?? "unset"}'; expected true");
        if (!app.Resources.TryGetValue(Resource, out var resource))
            return Fail(BundleRuleIds.Policyd, app.Name, $"has no {Resource} resource");
        if (resource.IsRevision)
            return Fail(BundleRuleIds.Policyd, app.Name, $"{Resource} is charm revision {resource.Value}, not a file the bundle ships");
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resource.DeclaredIn)) ?? "", resource.Value);
        if (!Path.Exists(path))
            return Fail(BundleRuleIds.Policyd, app.Name, $"{Resource} file '{resource.Value}' does not exist ({path})");
        return ZipProblem(path) is { } problem
            ? Fail(BundleRuleIds.Policyd, app.Name, $"{Resource} file '{resource.Value}' {problem} ({path})")
            : Pass(BundleRuleIds.Policyd, app.Name, $"{Option} true, {Resource} {resource.Value}");
    }

    /// <summary>The charm unpacks the resource as a zip of policy files: anything else (a device, /etc/shadow) is refused.</summary>
    private static string? ZipProblem(string path)
    {
        try
        {
            var start = InputFile.ReadStart(path, ZipSignature.Length, problem => new InvalidDataException(problem));
            return start.AsSpan().SequenceEqual(ZipSignature) || start.AsSpan().SequenceEqual(EmptyZipSignature)
                ? null
                : "is not a zip archive (it does not start with the zip signature PK\\x03\\x04)";
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }
}
