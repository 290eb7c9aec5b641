namespace Slate.Runbook.BundleCheck;

/// <summary>Reads a bundle file and its overlays (in-file <c>---</c> documents first, then each overlay file in order).</summary>
public static class BundleLoader
{
    public static Bundle Load(string bundlePath, IReadOnlyList<string> overlayPaths)
    {
        var sources = new BundleSources();
        var documents = sources.Load(bundlePath).Concat(overlayPaths.SelectMany(sources.Load)).ToList();
        var merged = documents.Skip(1).Aggregate(documents[0], (bundle, overlay) => BundleMerge.Apply(bundle, overlay, sources));
        return BundleReader.Read(merged, new BundleYaml(sources));
    }
}
