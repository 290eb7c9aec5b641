using System.CommandLine;
using Slate.Lab.Faults;

namespace Slate.Cli;

/// <summary>`--fault SPEC` (repeatable) for the commands that start a lab: what the lab's MAAS does wrong.</summary>
internal static class LabFaultOption
{
    public static readonly Option<string[]> Fault = new("--fault")
    {
        Description = "Make the lab MAAS sick, to rehearse what a real one does (repeatable, one SPEC each): " + LabFaults.Forms + ". " +
                      "503/409/lost/latency hit every authenticated MAAS call, never the anonymous version/ (clients can still probe); " +
                      "lost applies the call, then drops the connection (a write's outcome is unknown). stuck: that machine's " +
                      "transitions never complete. The same seed gives the same faults.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The parsed specs; a bad one is a one-line input error (exit 2) naming it.</summary>
    public static LabFaults Read(ParseResult result)
    {
        try
        {
            return LabFaults.Parse(result.GetValue(Fault) ?? []);
        }
        catch (LabFaultSpecException e)
        {
            throw new CliInputException($"--fault {e.Spec}: {e.Reason}");
        }
    }
}
