using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// What an action may use besides the ports: a progress sink for long waits, the journal's run folder, and the first
/// signal, which ends a wait (never a write) — the action's own token is the second, which aborts it.
/// </summary>
public sealed record ActionContext(IProgress<string> Progress, IJournal Journal, CancellationToken StopWaiting);
