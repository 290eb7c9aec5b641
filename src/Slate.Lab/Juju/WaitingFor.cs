using System.Text;
using System.Text.Json;

namespace Slate.Lab.Juju;

/// <summary>What a model still holds, worded as juju's destroy-model words it while it waits (cmd/juju/model/destroy.go).</summary>
internal sealed record WaitingFor(bool IsController, int Machines, int Applications, int Volumes)
{
    public static WaitingFor Read(string progress)
    {
        using var document = JsonDocument.Parse(progress);
        var root = document.RootElement;
        return new WaitingFor(
            root.GetProperty("is-controller").GetBoolean(), root.GetProperty("machines").GetInt32(),
            root.GetProperty("applications").GetInt32(), root.GetProperty("volumes").GetInt32());
    }

    /// <summary>formatDestroyModelInfo: only the counts above zero.</summary>
    public string Message
    {
        get
        {
            var message = new StringBuilder("Waiting for model to be removed");
            if (Machines > 0) message.Append($", {Machines} machine(s)");
            if (Applications > 0) message.Append($", {Applications} application(s)");
            if (Volumes > 0) message.Append($", {Volumes} volume(s)");
            return message.ToString();
        }
    }

    /// <summary>formatDestroyModelAbortInfo (no timeout): what is left when the wait is interrupted.</summary>
    public string AbortInfo
    {
        get
        {
            if (Machines == 0 && Applications == 0 && Volumes == 0) return "";
            var info = new StringBuilder("\nThe following resources have not yet been removed:");
            if (Machines > 0) info.Append($"\n - {Machines} machine(s)");
            if (Applications > 0) info.Append($"\n - {Applications} application(s)");
            if (Volumes > 0) info.Append($"\n - {Volumes} volume(s)");
            return info.ToString();
        }
    }
}
