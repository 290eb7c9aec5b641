namespace Slate.Lab.Maas;

/// <summary>The API key the lab's MAAS accepts (consumer:token:secret) and where it records what it saw.</summary>
public sealed record LabMaasOptions(string ApiKey, LabMaasRecorder Recorder);
