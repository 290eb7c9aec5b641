namespace Slate.Lab.Maas;

/// <summary>
/// What a served lab does with one call, as a tap decided when it arrived: serve it, drop it unanswered and not acted
/// on, or act on it and run <see cref="BeforeAnswer"/> before its answer is sent (a rehearsal kills the caller there,
/// so the change is made and its answer is lost).
/// </summary>
public sealed record LabCallFate(bool Served, Action? BeforeAnswer = null)
{
    public static readonly LabCallFate Serve = new(true);

    public static readonly LabCallFate Drop = new(false);
}
