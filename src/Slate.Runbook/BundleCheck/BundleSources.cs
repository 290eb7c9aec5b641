using Slate.Runbook.Files;
using Slate.Runbook.Yaml;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.BundleCheck;

/// <summary>Where a YAML node came from (file and line), kept across overlay merges so every error names its real file.</summary>
internal sealed class BundleSources
{
    private readonly Dictionary<YamlNode, (string File, long Line)> origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads every YAML document of a file; the first is the bundle, later ones are overlays.</summary>
    public IReadOnlyList<YamlMappingNode> Load(string path)
    {
        var text = InputFile.ReadText(path, problem => new BundleFileException(path, 0, "bundle", problem));
        var stream = YamlText.Load(text, (line, problem) => new BundleFileException(path, line, "yaml", problem));
        var documents = new List<YamlMappingNode>();
        foreach (var document in stream.Documents)
        {
            foreach (var node in document.AllNodes)
                origins.TryAdd(node, (path, node.Start.Line));
            if (BundleYaml.IsNull(document.RootNode))
                continue;
            documents.Add(document.RootNode as YamlMappingNode
                ?? throw Error(document.RootNode, "bundle", "expected a mapping of top-level keys"));
        }
        if (documents.Count == 0)
            throw new BundleFileException(path, 1, "bundle", "the file holds no bundle");
        return documents;
    }

    /// <summary>Records that a node built by a merge stands where <paramref name="original"/> stood.</summary>
    public void Inherit(YamlNode merged, YamlNode original) => origins[merged] = origins[original];

    public string FileOf(YamlNode node) => origins[node].File;

    public BundleFileException Error(YamlNode node, string key, string problem)
    {
        var (file, line) = origins[node];
        return new BundleFileException(file, line, key, problem);
    }
}
