using System.CommandLine;
using Slate.Lab;
using Slate.Lab.Cloud;
using Slate.Lab.Juju;
using Slate.Lab.Maas;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate lab serve`: the simulated cloud as a server, so every slate command can be run by hand against it.</summary>
internal static class LabCommand
{
    private static readonly Option<int> Port = new("--port")
    {
        Description = "TCP port on 127.0.0.1 for the lab MAAS (0 = any free port)",
        DefaultValueFactory = _ => 5240,
    };

    public static Command Create(CliContext context)
    {
        var serve = new Command("serve", "Serve the lab on 127.0.0.1 (MAAS API, juju, hypervisor) until Ctrl-C. It first prints export lines: paste them into " +
            "another shell and every slate command runs against the lab exactly as against a real cloud. Without --site it serves " +
            "the built-in runbook cloud.");
        serve.Options.Add(Port);
        serve.Options.Add(GlobalOptions.Site);
        serve.Options.Add(LabFaultOption.Fault);
        serve.SetAction((result, ct) => ServeAsync(context, result, ct));
        var lab = new Command("lab", "The simulated cloud (MAAS + Juju + hypervisor) that ships with Slate, for rehearsals.");
        lab.Subcommands.Add(serve);
        return lab;
    }

    private static async Task<int> ServeAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        var site = SlateSettings.Resolve(result, context.Environment).SitePath is { } path ? SiteLoader.Load(path) : SampleSite.Load();
        var port = result.GetValue(Port);
        if (port is < 0 or > 65535)
            throw new CliInputException($"--port {port}: not a TCP port");
        var cloud = LabCloud.With(site, context.Time, LabFaultOption.Read(result, site));
        await using var server = await LabMaasServer.StartAsync(cloud, port, ct).ConfigureAwait(false);
        // Removed when the lab stops: Ctrl-C and SIGTERM cancel ct, which ends the event loop below.
        using var folder = PrivateTempFolder.Create($"slate-lab-{server.MaasUrl.Port}-");
        var sitePath = File.Exists(site.SourcePath) ? Path.GetFullPath(site.SourcePath) : SampleSite.WriteTo(folder.Path);
        var (slate, slateArguments) = SlateExecutable.CommandLine();
        // Pinned to this lab: Slate runs juju without the lab token in its environment.
        var juju = LabJujuShim.Write(Path.Combine(folder.Path, "bin"), slate, slateArguments, (server.LabUrl, server.LabToken));
        context.Io.Line($"# Slate lab '{site.Cloud.Name}' is serving. Paste these lines into another shell:");
        context.Io.Line($"export MAAS_URL={server.MaasUrl}");
        context.Io.Line($"export MAAS_API_KEY={server.ApiKey}");
        context.Io.Line($"export {SlateVariables.Site}={sitePath}");
        context.Io.Line($"export {LabVariables.Url}={server.LabUrl}");
        context.Io.Line($"export {LabVariables.Token}={server.LabToken}");
        context.Io.Line($"export {SlateVariables.Juju}={juju}");
        context.Io.Line($"export {SlateVariables.LibvirtUri}={server.HypervisorUri}");
        if (!cloud.Faults.IsEmpty) context.Io.Line($"# Injecting MAAS faults: {cloud.Faults}");
        context.Io.Line("# Ctrl-C stops the lab (its state lives only in this process). What the lab does (and every injected fault) follows:");
        try
        {
            await FollowEventsAsync(context, cloud, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Io.Line("# lab stopped");
        }
        return 0;
    }

    /// <summary>Prints every lab event (MAAS, juju, hypervisor) as it happens, as shell comments so the exports stay pasteable.</summary>
    private static async Task FollowEventsAsync(CliContext context, LabCloud cloud, CancellationToken ct)
    {
        var printed = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250), context.Time);
        do
        {
            var events = cloud.Events;
            for (; printed < events.Count; printed++)
                context.Io.Line($"# {events[printed].At:HH:mm:ss} {events[printed].Source}: {events[printed].Message}");
        }
        while (await tick.WaitForNextTickAsync(ct).ConfigureAwait(false));
    }
}
