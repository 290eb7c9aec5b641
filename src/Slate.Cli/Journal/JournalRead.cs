using System.Security.Cryptography;
using System.Text;

namespace Slate.Cli.Journal;

/// <summary>
/// A journal as read: its entries, the link the next entry must carry (the hash of the last line as written), and the
/// first line that does not follow the one before it — every entry carries the hash of the line before it
/// (<see cref="Slate.Runbook.Ports.JournalEntry.Prev"/>), so an edited, inserted or removed line breaks the chain there.
/// Entries written before entries were linked carry none; once one does, every later one must.
/// </summary>
internal sealed record JournalRead(IReadOnlyList<Slate.Runbook.Ports.JournalEntry> Entries, string? LastLink, JournalBreak? Break)
{
    /// <summary>The file ends in a line a crash cut short (no line break after it): the next entry starts a new line.</summary>
    public bool EndsCut { get; init; }

    /// <summary>What an entry after <paramref name="line"/> carries as its Prev.</summary>
    public static string Link(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)))[..16];
}

/// <summary>Where a journal's chain breaks: the line (1-based) and what is wrong with it.</summary>
internal sealed record JournalBreak(int Line, string Why)
{
    public override string ToString() => $"line {Line} {Why}: the journal was edited, or lines were inserted or removed there";
}
