namespace Slate.Maas.Errors;

/// <summary>The MAAS URL, API key or profile is unusable; raised before any request is sent.</summary>
public sealed class MaasConfigurationException(string message) : Exception(message);
