namespace Slate.Lab.Faults;

/// <summary>A fault spec that does not parse; the message names the spec and says what is wrong, on one line.</summary>
public sealed class LabFaultSpecException(string spec, string reason) : FormatException($"fault spec '{spec}': {reason}")
{
    public string Spec { get; } = spec;

    public string Reason { get; } = reason;
}
