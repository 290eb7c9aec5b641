using System.CommandLine;

namespace Slate.Cli;

/// <summary>Options several commands share; each command adds the ones it uses, so its --help lists only those.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Site = new("--site")
    {
        Description = $"Site file describing the cloud (default: ${SlateVariables.Site}, else ./slate.yaml)",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one machine-readable JSON document instead of tables (progress goes to stderr)",
    };

    public static readonly Option<string?> MaasProfile = new("--maas-profile")
    {
        Description = "Read MAAS URL and API key from this maas CLI profile instead of MAAS_URL/MAAS_API_KEY",
    };

    public static readonly Option<string?> Libvirt = new("--libvirt")
    {
        Description = $"libvirt URI of the hypervisor (default: ${SlateVariables.LibvirtUri}, else the site's libvirt.uri); lab+http://… for a served lab",
    };

    public static readonly Option<bool> Apply = new("--apply")
    {
        Description = "Make the changes (after the typed confirmation); without it the command only plans (a dry run). One changing run " +
                      "per cloud at a time: a second is refused (exit 4) naming who holds the lock beside the journal",
    };

    public static readonly Option<string[]> Confirm = new("--confirm")
    {
        Description = "The value the typed confirmation asks for, for runs without a terminal (repeatable: a step may ask twice)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> Journal = new("--journal")
    {
        Description = $"The journal file (default: ${SlateVariables.Journal}, else $XDG_STATE_HOME/slate/<cloud>/journal.jsonl)",
    };

    /// <summary>The options of every command that reads the cloud: which site, how to reach it, and --json.</summary>
    public static void AddCloudOptions(Command command)
    {
        command.Options.Add(Site);
        command.Options.Add(Json);
        command.Options.Add(MaasProfile);
        command.Options.Add(Libvirt);
    }
}
