using Slate.Maas.Errors;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>Maps every failure a command can meet to an exit code and one line for the operator (never a stack trace).</summary>
internal static class ErrorTable
{
    public static (ExitCode Code, string Message) Classify(Exception e) => e switch
    {
        SiteFileException => (ExitCode.BadInput, e.Message),
        BundleFileException => (ExitCode.BadInput, e.Message),
        WrongCloudException => (ExitCode.Refused, e.Message),
        CliInputException => (ExitCode.BadInput, e.Message),
        CliRefusedException => (ExitCode.Refused, e.Message),
        StepArgumentException => (ExitCode.BadInput, e.Message),
        MaasException { Failure: MaasFailure.Unauthorized } => (ExitCode.Error, $"MAAS refused the API key (401): check MAAS_API_KEY — {e.Message}"),
        MaasException => (ExitCode.Error, $"MAAS: {e.Message}"),
        JujuException => (ExitCode.Error, $"juju: {e.Message}"),
        MaasUnauthorizedException => (ExitCode.Error, $"MAAS refused the API key (401): check MAAS_API_KEY — {e.Message}"),
        MaasApiException => (ExitCode.Error, $"MAAS: {e.Message}"),
        HypervisorException h => (ExitCode.Error, $"hypervisor ({h.Failure}): {h.Message}"),
        OperationCanceledException => (ExitCode.Error, "interrupted; nothing further was changed"),
        _ => (ExitCode.Error, $"{e.GetType().Name}: {e.Message}"),
    };
}

/// <summary>A flag or environment value the command cannot use.</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>A request that is well-formed but may not run here (exit 4), such as a plan made for another cloud.</summary>
internal sealed class CliRefusedException(string message) : Exception(message);
