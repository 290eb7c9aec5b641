namespace Slate.Lab.Maas;

/// <summary>What the lab's MAAS saw: every request, and every attempted mutation of a protected machine.</summary>
public sealed class LabMaasRecorder
{
    private readonly object _gate = new();
    private readonly List<LabRequest> _requests = [];
    private readonly List<string> _violations = [];

    public IReadOnlyList<LabRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    public IReadOnlyList<string> Violations { get { lock (_gate) return [.. _violations]; } }

    internal void Request(LabRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    internal void Violation(string description)
    {
        lock (_gate) _violations.Add(description);
    }
}
