using System.Runtime.InteropServices;
using Slate.Cli;
using Slate.Cli.Interaction;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; cancel.Cancel(); });
var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
var context = new CliContext(new SpectreInteraction(), environment, MaasConnector.Connect, HypervisorConnector.Connect, JujuConnector.Connect, TimeProvider.System);
return await SlateApp.RunAsync(args, context, cancel.Token);
