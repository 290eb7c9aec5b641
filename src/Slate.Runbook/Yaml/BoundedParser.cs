using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slate.Runbook.Yaml;

/// <summary>
/// Passes a parser's events through while bounding what they would build: nesting depth (a deep document overflows
/// the stack of every recursive reader) and the nodes aliases stand for (nested aliases, "billion laughs", make a
/// kilobyte stand for billions of nodes). Each alias counts the size of the node it repeats.
/// </summary>
internal sealed class BoundedParser(IParser inner) : IParser
{
    public const int MaxDepth = 100;
    public const long MaxAliasedNodes = 100_000;

    private readonly Stack<(AnchorName Anchor, long Nodes)> open = new();
    private readonly Dictionary<AnchorName, long> anchoredSizes = [];
    private long aliasedNodes;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case NodeEvent { } start and (MappingStart or SequenceStart):
                if (open.Count == MaxDepth)
                    throw new YamlException(start.Start, start.End, $"nested deeper than {MaxDepth} levels");
                open.Push((start.Anchor, 1));
                break;
            case MappingEnd or SequenceEnd:
                var (anchor, nodes) = open.Pop();
                Close(anchor, nodes);
                break;
            case Scalar scalar:
                Close(scalar.Anchor, 1);
                break;
            case AnchorAlias alias:
                var size = anchoredSizes.GetValueOrDefault(alias.Value, 1);
                aliasedNodes += size;
                if (aliasedNodes > MaxAliasedNodes)
                    throw new YamlException(alias.Start, alias.End,
                        $"aliases expand to more than {MaxAliasedNodes:N0} nodes (nested aliases such as a \"billion laughs\")");
                Count(size);
                break;
        }
        return true;
    }

    private void Close(AnchorName anchor, long nodes)
    {
        if (!anchor.IsEmpty) anchoredSizes[anchor] = nodes;
        Count(nodes);
    }

    private void Count(long nodes)
    {
        if (open.TryPop(out var parent)) open.Push((parent.Anchor, parent.Nodes + nodes));
    }
}
