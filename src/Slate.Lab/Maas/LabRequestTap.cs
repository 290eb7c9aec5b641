namespace Slate.Lab.Maas;

/// <summary>The one hook every request to a served lab passes (see <see cref="LabMaasServer.Tap"/>).</summary>
internal sealed class LabRequestTap
{
    public volatile Func<string, LabCallFate>? Decide;
}
