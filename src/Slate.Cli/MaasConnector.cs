using Slate.Maas;
using Slate.Maas.Errors;
using Slate.Maas.Ports;
using Slate.Runbook.Ports;

namespace Slate.Cli;

/// <summary>
/// Opens the MAAS port from a maas CLI profile (--maas-profile) or from MAAS_URL + MAAS_API_KEY
/// (the key is never taken from argv).
/// </summary>
internal static class MaasConnector
{
    public static IMaas Connect(SlateSettings settings)
    {
        try
        {
            var credentials = settings.MaasProfile is { } profile
                ? MaasCredentials.FromProfile(profile, ProfileDatabase(settings.Environment))
                : MaasCredentials.FromEnvironment(settings.Environment);
            return new MaasPort(new MaasClient(credentials));
        }
        catch (MaasConfigurationException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    private static string? ProfileDatabase(IReadOnlyDictionary<string, string?> env) =>
        env.GetValueOrDefault(SlateVariables.Home) is { Length: > 0 } home ? Path.Combine(home, ".maascli.db") : null;
}
