using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slate.Lab.Juju;

/// <summary>
/// `slate lab juju ...`: answers, from the lab's state, exactly the juju calls Slate makes, with juju's output and
/// exit codes (0 ok, 1 <c>ERROR</c> from the controller, 2 <c>ERROR</c> in the arguments). The lab is found through
/// SLATE_LAB_URL and SLATE_LAB_TOKEN, which `slate lab serve` prints.
/// </summary>
public static partial class LabJujuCommand
{
    private const string Usage = """
        Usage: juju <command> [options]   (the Slate lab's juju: answers from the lab started by 'slate lab serve')

        Commands:
            models --format=json [-c <controller>]
            status -m [<controller>:]<model> --format=json
            export-bundle -m [<controller>:]<model>
            destroy-model --no-prompt [--destroy-storage|--release-storage] [--force [--no-wait] [-t <duration>]] [<controller>:]<model>
            remove-machine -m [<controller>:]<model> --no-prompt [--keep-instance] [--force [--no-wait]] <machine> ...

        """;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private delegate Task<int> Run(LabJujuClient lab, TextWriter stdout, TextWriter stderr, CancellationToken ct);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Count > 0 && args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteAsync(Usage);
            return 0;
        }
        try
        {
            var run = Prepare(args);
            using var lab = LabJujuClient.FromEnvironment(env);
            return await run(lab, stdout, stderr, ct);
        }
        catch (LabJujuError e)
        {
            await stderr.WriteLineAsync($"ERROR {e.Message}");
            return e.ExitCode;
        }
    }

    // Everything juju checks in Init, before it talks to the controller.
    private static Run Prepare(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw LabJujuError.Usage("no command specified. See 'juju --help'.");
        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "models" => Models(rest),
            "status" => Status(rest),
            "export-bundle" => ExportBundle(rest),
            "destroy-model" => DestroyModel(rest),
            "remove-machine" => RemoveMachine(rest),
            var other => throw LabJujuError.Usage($"juju: \"{other}\" is not a juju command known to the Slate lab. See \"juju --help\"."),
        };
    }

    // juju's -o is --output (a file to write to), not --format: the lab refuses it rather than misread it.
    private static Run Models(List<string> args)
    {
        var flags = LabJujuFlags.Parse(args, [new("format"), new("controller", 'c')]);
        RequireJson(flags);
        NoPositionals(flags);
        var controller = flags.Value("controller");
        return async (lab, stdout, _, ct) =>
        {
            await stdout.WriteLineAsync(await lab.SendAsync(HttpMethod.Get, "models", [("controller", controller)], ct));
            return 0;
        };
    }

    private static Run Status(List<string> args)
    {
        var flags = LabJujuFlags.Parse(args, [new("model", 'm'), new("format")]);
        RequireJson(flags);
        if (flags.Positionals.Count > 0) throw LabJujuError.Usage("the Slate lab's juju status takes no filter arguments");
        var (controller, model) = Target(flags.Value("model"));
        return async (lab, stdout, _, ct) =>
        {
            await stdout.WriteLineAsync(await lab.SendAsync(HttpMethod.Get, "status", [("controller", controller), ("model", model)], ct));
            return 0;
        };
    }

    private static Run ExportBundle(List<string> args)
    {
        var flags = LabJujuFlags.Parse(args, [new("model", 'm')]);
        NoPositionals(flags);
        var (controller, model) = Target(flags.Value("model"));
        return async (lab, stdout, _, ct) =>
        {
            await stdout.WriteAsync(await lab.SendAsync(HttpMethod.Get, "export-bundle", [("controller", controller), ("model", model)], ct));
            return 0;
        };
    }

    private static Run DestroyModel(List<string> args)
    {
        var flags = LabJujuFlags.Parse(args,
        [
            new("no-prompt", IsBool: true), new("destroy-storage", IsBool: true), new("release-storage", IsBool: true),
            new("force", IsBool: true), new("no-wait", IsBool: true), new("timeout", 't'),
        ]);
        if (flags.Positionals.Count == 0) throw LabJujuError.Usage("no model specified");
        if (flags.Positionals.Count > 1) throw Unrecognized(flags.Positionals.Skip(1));
        if (flags.Has("destroy-storage") && flags.Has("release-storage"))
            throw LabJujuError.Usage("--destroy-storage and --release-storage cannot both be specified");
        TimeSpan? timeout = null;
        if (flags.Value("timeout") is { } text)
        {
            if (!GoDurationText.TryParse(text, out var parsed))
                throw LabJujuError.Usage($"invalid value \"{text}\" for option --timeout: time: invalid duration \"{text}\"");
            if (!flags.Has("force")) throw LabJujuError.Usage("--timeout can only be used with --force (dangerous)");
            if (parsed < TimeSpan.Zero) throw LabJujuError.Usage("--timeout must be zero or greater");
            timeout = parsed;
        }
        if (flags.Has("no-wait") && !flags.Has("force")) throw LabJujuError.Failed("--no-wait without --force not valid");
        // The lab has no terminal to ask on: it answers as juju does when the confirmation reads end-of-file.
        if (!flags.Has("no-prompt")) throw LabJujuError.Failed("model destruction: aborted (the Slate lab's juju cannot prompt; pass --no-prompt)");
        var (controller, model) = Target(flags.Positionals[0]);
        (string, string?)[] query =
        [
            ("controller", controller), ("model", model), ("destroy-storage", Bool(flags, "destroy-storage")),
            ("release-storage", Bool(flags, "release-storage")), ("force", Bool(flags, "force")), ("no-wait", Bool(flags, "no-wait")),
            ("timeout-ms", timeout?.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)),
        ];
        return async (lab, _, stderr, ct) =>
        {
            // Juju finds the model, and refuses the controller's, before it says anything (cmd/juju/model/destroy.go, Run).
            if (WaitingFor.Read(await lab.SendAsync(HttpMethod.Get, "model", [("controller", controller), ("model", model)], ct)).IsController)
                throw LabJujuError.Failed($"\"{model}\" is a controller; use 'juju destroy-controller' to destroy it");
            // Juju ends this line only when it has more to say, so a refusal follows on the same line.
            await stderr.WriteAsync("Destroying model");
            await lab.SendAsync(HttpMethod.Post, "destroy-model", query, ct);
            return await WaitForRemovalAsync(lab, controller, model, stderr, ct);
        };
    }

    // Juju polls the model's status at once and then every 2 s until it is gone (cmd/juju/model/destroy.go,
    // waitForModelDestroyed): a changed summary starts a new line, an unchanged one adds a dot.
    private static async Task<int> WaitForRemovalAsync(LabJujuClient lab, string? controller, string model, TextWriter stderr, CancellationToken ct)
    {
        const int PerLineLength = 80;
        var reported = "";
        var lineLength = 0;
        WaitingFor? remaining = null;
        try
        {
            while (await lab.ModelProgressAsync(controller, model, ct) is { } progress)
            {
                remaining = WaitingFor.Read(progress);
                var message = remaining.Message;
                if (message == reported)
                {
                    if (lineLength == PerLineLength)
                    {
                        await stderr.WriteAsync('\n');
                        lineLength = 0;
                    }
                    await stderr.WriteAsync('.');
                    lineLength++;
                }
                else
                {
                    await stderr.WriteAsync($"\n{message}...");
                    reported = message;
                    lineLength = message.Length + 3;
                }
                await stderr.FlushAsync(ct);
                await Task.Delay(PollInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stderr.WriteAsync("\n\ndestroy model is still running in the background...");
            await stderr.WriteLineAsync(remaining?.AbortInfo ?? "");
            return 1;
        }
        await stderr.WriteLineAsync("\nModel destroyed.");
        return 0;
    }

    private static Run RemoveMachine(List<string> args)
    {
        var flags = LabJujuFlags.Parse(args,
        [
            new("model", 'm'), new("no-prompt", IsBool: true), new("keep-instance", IsBool: true),
            new("force", IsBool: true), new("no-wait", IsBool: true),
        ]);
        if (flags.Positionals.Count == 0) throw LabJujuError.Usage("no machines specified");
        if (flags.Positionals.FirstOrDefault(id => !MachineId().IsMatch(id)) is { } invalid)
            throw LabJujuError.Usage($"invalid machine id \"{invalid}\"");
        if (flags.Has("no-wait") && !flags.Has("force")) throw LabJujuError.Usage("--no-wait without --force not valid");
        if (!flags.Has("no-prompt")) throw LabJujuError.Failed("machine removal: aborted (the Slate lab's juju cannot prompt; pass --no-prompt)");
        var (controller, model) = Target(flags.Value("model"));
        return async (lab, stdout, stderr, ct) =>
        {
            var failed = false;
            foreach (var id in flags.Positionals)
            {
                try
                {
                    var answer = await lab.SendAsync(HttpMethod.Post, "remove-machine",
                    [
                        ("controller", controller), ("model", model), ("machine", id), ("keep-instance", Bool(flags, "keep-instance")),
                        ("force", Bool(flags, "force")), ("no-wait", Bool(flags, "no-wait")),
                    ], ct);
                    await WriteRemovalAsync(stdout, answer);
                }
                catch (LabJujuError e)
                {
                    // Juju reports each machine that failed and goes on with the others (cmd/juju/machine/remove.go).
                    await stderr.WriteLineAsync($"ERROR {e.Message}");
                    failed = true;
                }
            }
            return failed ? 1 : 0;
        };
    }

    // With --no-prompt juju logs every result to stdout (cmd/juju/machine/remove.go, logRemovedMachine).
    private static async Task WriteRemovalAsync(TextWriter stdout, string answer)
    {
        using var document = JsonDocument.Parse(answer);
        var removal = document.RootElement;
        var id = removal.GetProperty("machine").GetString();
        await stdout.WriteLineAsync(removal.GetProperty("keep-instance").GetBoolean()
            ? $"will remove machine {id} (but retaining cloud instance)"
            : $"will remove machine {id}");
        foreach (var unit in removal.GetProperty("units").EnumerateArray())
            await stdout.WriteLineAsync($"- will remove unit {unit.GetString()}");
        foreach (var storage in removal.GetProperty("detached-storage").EnumerateArray())
            await stdout.WriteLineAsync($"- will detach storage {storage.GetString()}");
    }

    private static (string? Controller, string Model) Target(string? target)
    {
        if (string.IsNullOrEmpty(target))
            throw LabJujuError.Usage("no model specified: the Slate lab's juju has no current model, pass -m [<controller>:]<model>");
        var colon = target.IndexOf(':');
        var (controller, model) = colon < 0 ? (null, target) : (target[..colon], target[(colon + 1)..]);
        if (model.Length == 0 || controller is { Length: 0 }) throw LabJujuError.Usage($"invalid model \"{target}\"");
        return (controller, model);
    }

    private static void RequireJson(LabJujuFlags flags)
    {
        if (flags.Value("format") != "json") throw LabJujuError.Usage("the Slate lab's juju prints JSON only: pass --format=json");
    }

    private static void NoPositionals(LabJujuFlags flags)
    {
        if (flags.Positionals.Count > 0) throw Unrecognized(flags.Positionals);
    }

    private static LabJujuError Unrecognized(IEnumerable<string> args) =>
        LabJujuError.Usage($"unrecognized args: [{string.Join(' ', args.Select(a => $"\"{a}\""))}]");

    private static string? Bool(LabJujuFlags flags, string name) => flags.Has(name) ? "true" : null;

    [GeneratedRegex(@"^[0-9]+(?:/[a-z]+/[0-9]+)*$")]
    private static partial Regex MachineId();
}
