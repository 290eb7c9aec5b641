namespace Slate.Cli.Journal;

/// <summary>Where a cloud's journal lives: --journal / $SLATE_JOURNAL, else $XDG_STATE_HOME/slate/CLOUD/journal.jsonl (~/.local/state when unset).</summary>
internal static class JournalLocation
{
    public static string For(SlateSettings settings, string cloudName)
    {
        if (settings.JournalPath is { } given)
            return Path.GetFullPath(given);
        var state = settings.Environment.GetValueOrDefault(SlateVariables.StateHome) is { Length: > 0 } xdg
            ? xdg
            : settings.Environment.GetValueOrDefault(SlateVariables.Home) is { Length: > 0 } home
                ? Path.Combine(home, ".local", "state")
                : throw new CliInputException($"no journal location: set --journal FILE, ${SlateVariables.Journal}, ${SlateVariables.StateHome} or $HOME");
        return Path.Combine(state, "slate", cloudName, "journal.jsonl");
    }
}
