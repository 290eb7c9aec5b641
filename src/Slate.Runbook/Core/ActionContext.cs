using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>What an action may use besides the ports: a progress sink for long waits and the journal's run folder.</summary>
public sealed record ActionContext(IProgress<string> Progress, IJournal Journal);
