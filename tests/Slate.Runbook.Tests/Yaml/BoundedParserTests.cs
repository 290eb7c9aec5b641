using System.Text;
using Slate.Runbook.Yaml;

namespace Slate.Runbook.Tests.Yaml;

/// <summary>The depth and alias limits hold exactly: a document at the limit loads, one node or level past it does not.</summary>
public sealed class BoundedParserTests
{
    private sealed class Refusal(long line, string problem) : Exception(problem)
    {
        public long Line { get; } = line;
    }

    private static string Outcome(string text)
    {
        try
        {
            var stream = YamlText.Load(text, (line, problem) => new Refusal(line, problem));
            return $"{stream.Documents.Count} document";
        }
        catch (Refusal refusal)
        {
            return $"line {refusal.Line}: {refusal.Message}";
        }
    }

    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);

    [Fact]
    public void Nesting_exactly_at_the_limit_loads_and_one_level_more_is_refused()
    {
        Assert.Equal("1 document", Outcome(Nested(BoundedParser.MaxDepth)));
        Assert.Equal("line 1: nested deeper than 100 levels", Outcome(Nested(BoundedParser.MaxDepth + 1)));
    }

    [Fact]
    public void Depth_is_counted_per_branch_so_closed_siblings_do_not_add_up()
    {
        var branch = Nested(BoundedParser.MaxDepth - 1);

        Assert.Equal("1 document", Outcome($"a: {branch}\nb: {branch}\nc: {branch}\n"));
        Assert.Equal("line 3: nested deeper than 100 levels", Outcome($"a: {branch}\nb: {branch}\nc: {Nested(BoundedParser.MaxDepth)}\n"));
    }

    /// <summary>
    /// <c>a</c> is a sequence of 999 scalars (1,000 nodes); <c>b</c> repeats it twice (2,000 aliased nodes, 2,001 in all);
    /// then <paramref name="bAliases"/> aliases of <c>b</c> and <paramref name="scalarAliases"/> of the scalar <c>s</c>.
    /// </summary>
    private static string Aliases(int bAliases, int scalarAliases)
    {
        var text = new StringBuilder("s: &s x\n");
        text.Append("a: &a [").AppendJoin(", ", Enumerable.Repeat("y", 999)).Append("]\n");
        text.Append("b: &b [*a, *a]\n");
        text.Append("c: [").AppendJoin(", ", Enumerable.Repeat("*b", bAliases).Concat(Enumerable.Repeat("*s", scalarAliases))).Append("]\n");
        return text.ToString();
    }

    [Fact]
    public void Aliases_expanding_to_exactly_the_limit_load_and_one_node_more_is_refused()
    {
        const int bAliases = 48;
        var exactly = (int)(BoundedParser.MaxAliasedNodes - 2 * 1000 - bAliases * 2001);

        Assert.Equal("1 document", Outcome(Aliases(bAliases, exactly)));
        Assert.Equal(
            "line 4: aliases expand to more than 100,000 nodes (nested aliases such as a \"billion laughs\")",
            Outcome(Aliases(bAliases, exactly + 1)));
    }

    [Fact]
    public void An_anchored_mapping_counts_its_keys_values_and_itself()
    {
        var limit = BoundedParser.MaxAliasedNodes;
        var mapping = "m: &m {k1: v1, k2: v2}\n";

        Assert.Equal("1 document", Outcome(mapping + "r: [" + string.Join(", ", Enumerable.Repeat("*m", (int)(limit / 5))) + "]\n"));
        Assert.StartsWith("line 2: aliases expand", Outcome(mapping + "r: [" + string.Join(", ", Enumerable.Repeat("*m", (int)(limit / 5)).Append("*m")) + "]\n"));
    }
}
