using System.Text.RegularExpressions;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>
/// The argument arrays of each juju call, validated before anything runs. Names are checked against juju's own
/// rules so that no value can be mistaken for a flag.
/// </summary>
internal static partial class JujuArguments
{
    public static string[] Models(string? controller) =>
        controller is null ? ["models", "--format=json"] : ["models", "--format=json", "-c", controller];

    public static string[] Status(string target) => ["status", "-m", target, "--format=json"];

    public static string[] ExportBundle(string target) => ["export-bundle", "-m", target];

    // destroy-model takes the model as a positional argument; it does not accept -m. The rules are juju's own
    // (cmd/juju/model/destroy.go, Init and Run).
    public static string[] DestroyModel(string target, DestroyOptions options)
    {
        if (options.DestroyStorage && options.ReleaseStorage)
            throw new JujuException(JujuFailure.Invalid, "destroy-model: destroy-storage and release-storage cannot both be specified");
        if (options.Timeout is not null && !options.Force)
            throw new JujuException(JujuFailure.Invalid, "destroy-model: a timeout can only be used together with force");
        if (options.NoWait && !options.Force)
            throw new JujuException(JujuFailure.Invalid, "destroy-model: no-wait can only be used together with force");
        var args = new List<string> { "destroy-model", "--no-prompt" };
        if (options.DestroyStorage)
            args.Add("--destroy-storage");
        if (options.ReleaseStorage)
            args.Add("--release-storage");
        if (options.Force)
            args.Add("--force");
        if (options.NoWait)
            args.Add("--no-wait");
        if (options.Timeout is { } timeout)
            args.AddRange(["--timeout", GoDuration.Format(timeout)]);
        args.Add(target);
        return [.. args];
    }

    public static string[] RemoveMachine(string target, string machineId, RemoveOptions options)
    {
        if (!MachineId().IsMatch(machineId))
            throw new JujuException(JujuFailure.Invalid, $"remove-machine: invalid machine id '{machineId}' (expected e.g. 3 or 3/lxd/0)");
        if (options.NoWait && !options.Force)
            throw new JujuException(JujuFailure.Invalid, "remove-machine: no-wait can only be used together with force");
        var args = new List<string> { "remove-machine", "-m", target, "--no-prompt" };
        if (options.KeepInstance)
            args.Add("--keep-instance");
        if (options.Force)
            args.Add("--force");
        if (options.NoWait)
            args.Add("--no-wait");
        args.Add(machineId);
        return [.. args];
    }

    /// <summary>The <c>[controller:]model</c> target of a call, after checking the names.</summary>
    public static string Target(string? controller, string model)
    {
        if (!ModelName().IsMatch(model))
            throw new JujuException(JujuFailure.Invalid, $"invalid juju model name '{model}'");
        return controller is null ? model : $"{controller}:{model}";
    }

    public static string CheckedController(string controller) =>
        ControllerName().IsMatch(controller) ? controller : throw new JujuException(JujuFailure.Invalid, $"invalid juju controller name '{controller}'");

    // Model names are lower-case letters, digits and hyphens, optionally qualified by their owner (admin/openstack).
    [GeneratedRegex(@"^(?:[a-zA-Z0-9][a-zA-Z0-9.+@-]*/)?[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex ControllerName();

    [GeneratedRegex(@"^[0-9]+(?:/[a-z]+/[0-9]+)*$")]
    private static partial Regex MachineId();
}
