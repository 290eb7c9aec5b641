using System.Runtime.InteropServices;
using Slate.Cli;
using Slate.Cli.Interaction;
using Slate.Runbook.Core;

var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
var context = CliContext.Production(new SpectreInteraction(), environment);
// The first signal lets the running action finish and stops before the next; a second aborts it.
Console.CancelKeyPress += (_, e) => { e.Cancel = true; context.Interruption.Signal(ExitCode.Interrupted); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; context.Interruption.Signal(ExitCode.Terminated); });
return await SlateApp.RunAsync(args, context, context.Interruption.Stop);
