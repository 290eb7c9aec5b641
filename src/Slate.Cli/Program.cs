using System.Runtime.InteropServices;
using Slate.Cli;
using Slate.Cli.Interaction;
using Slate.Runbook.Core;

var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
var context = CliContext.Production(new SpectreInteraction(), environment);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; OnSignal(ExitCode.Interrupted); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; OnSignal(ExitCode.Terminated); });
return await SlateApp.RunAsync(args, context, context.Interruption.Stop);

// The first signal lets a running action finish and stops before the next; a second aborts it. Outside an action there
// is nothing to finish: whatever does not stop by itself within the grace time (a file being read, YAML being parsed)
// is ended, so a signal is never ignored.
void OnSignal(ExitCode code)
{
    context.Interruption.Signal(code);
    _ = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ =>
    {
        if (context.Interruption.InAction) return;
        Console.Error.WriteLine("slate: interrupted; nothing further was changed");
        Environment.Exit((int)context.Interruption.Code);
    }, TaskScheduler.Default);
}
