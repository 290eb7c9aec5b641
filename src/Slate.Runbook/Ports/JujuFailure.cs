namespace Slate.Runbook.Ports;

/// <summary>What went wrong with a juju call, in the terms a step must reason about.</summary>
public enum JujuFailure
{
    /// <summary>A request refused before anything ran: an invalid model name, machine id or option combination.</summary>
    Invalid,

    /// <summary>Juju said <c>ERROR model ... not found</c>: for a teardown, the model is already gone.</summary>
    ModelNotFound,

    /// <summary>The command failed, could not start or timed out: what it did is not known.</summary>
    CommandFailed,

    /// <summary>Juju exited 0 but printed something that is not the JSON expected.</summary>
    BadOutput,
}
