namespace Slate.Runbook.Reenroll;

/// <summary>The kinds of action re-enrolment plans.</summary>
internal static class ReenrollActions
{
    public const string Enlist = "enlist-machine";
    public const string Repower = "repower-machine";
    public const string AwaitReady = "await-ready";
}

/// <summary>The argument names re-enrolment actions carry (never the password).</summary>
internal static class ReenrollArguments
{
    public const string Host = "host";
    public const string SystemId = "system_id";
    public const string Mac = "mac";
    public const string Architecture = "architecture";
    public const string PowerType = "power_type";
    public const string PowerAddress = "power_address";
    public const string PowerId = "power_id";

    /// <summary>host=mac pairs, comma-separated: every host the wait polls.</summary>
    public const string Hosts = "hosts";
}
