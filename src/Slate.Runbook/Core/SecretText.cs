namespace Slate.Runbook.Core;

/// <summary>
/// A secret the operator gave (the libvirt power password): ToString never shows it, so it cannot reach a plan, a
/// journal entry or an output by accident. Only the adapter that sends it calls <see cref="Reveal"/>.
/// </summary>
public sealed class SecretText(string value)
{
    public const string Redacted = "***";

    public string Reveal() => value;

    public override string ToString() => Redacted;
}

/// <summary>
/// Asks for a secret when a step first needs it (so a dry run never asks): from the file the operator named, else typed
/// at the terminal without echo after <paramref name="prompt"/>. Null when there is no one to ask.
/// </summary>
public delegate SecretText? SecretSource(string prompt);
