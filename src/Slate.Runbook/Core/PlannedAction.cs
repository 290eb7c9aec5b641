namespace Slate.Runbook.Core;

/// <summary>
/// One change a step will make, in plain data so that it can be shown, journalled and fingerprinted: Kind names the
/// operation (the step dispatches on it), Subject the object, Arguments every value the call will use (never a secret).
/// </summary>
public sealed record PlannedAction(string Kind, string Subject, string Description, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>A backup or capture: it reads and saves a file, changing nothing in the cloud, so a reconciled run may take it again.</summary>
    public bool ChangesNothing { get; init; }

    public static PlannedAction Of(string kind, string subject, string description, params (string Key, string Value)[] arguments) =>
        new(kind, subject, description, arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    /// <summary>The same change to the same object with the same values (the description is how it is shown, not what it does).</summary>
    public bool SameChange(PlannedAction other) =>
        Kind == other.Kind && Subject == other.Subject && Arguments.Count == other.Arguments.Count
        && Arguments.All(a => other.Arguments.TryGetValue(a.Key, out var value) && value == a.Value);

    public string Argument(string name) =>
        Arguments.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"action {Kind} {Subject} has no argument {name}");
}
