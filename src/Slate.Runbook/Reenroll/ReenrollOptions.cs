using Slate.Runbook.Core;

namespace Slate.Runbook.Reenroll;

/// <summary>How long the hosts may take to reach Ready, and where the libvirt SSH password comes from (asked only by --apply).</summary>
public sealed record ReenrollOptions(TimeSpan Wait, SecretSource Password);
