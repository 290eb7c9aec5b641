using System.CommandLine;
using Slate.Maas;
using Slate.Maas.Errors;
using Slate.Maas.Ports;
using Slate.Runbook.Ports;

namespace Slate.Cli;

/// <summary>Opens the MAAS port from MAAS_URL + MAAS_API_KEY (the key is never taken from argv).</summary>
internal static class MaasConnector
{
    public static IMaas Connect(ParseResult result, IReadOnlyDictionary<string, string?> env)
    {
        if (result.GetValue(GlobalOptions.MaasProfile) is { } profile)
            throw new CliInputException(
                $"--maas-profile {profile}: reading the maas CLI profile database is not supported yet; export MAAS_URL and MAAS_API_KEY instead");
        try
        {
            return new MaasPort(new MaasClient(MaasCredentials.FromEnvironment(env)));
        }
        catch (MaasConfigurationException e)
        {
            throw new CliInputException(e.Message);
        }
    }
}
