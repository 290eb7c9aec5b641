namespace Slate.Cli;

/// <summary>The environment variables slate reads, spelled once (the lab's own are <see cref="Lab.LabVariables"/>).</summary>
internal static class SlateVariables
{
    public const string Site = "SLATE_SITE";
    public const string Juju = "SLATE_JUJU";
    public const string LibvirtUri = "SLATE_LIBVIRT_URI";
    public const string Journal = "SLATE_JOURNAL";
    public const string StateHome = "XDG_STATE_HOME";
    public const string Home = "HOME";
}
