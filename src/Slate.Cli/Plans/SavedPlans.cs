using System.Security.Cryptography;
using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Cli.Plans;

/// <summary>Turns a dry run into a saved plan file, when there is a plan worth saving.</summary>
internal static class SavedPlans
{
    /// <summary>Writes the plan of <paramref name="run"/> to <paramref name="path"/> and returns the sentence that says what happened.</summary>
    public static string Save(string path, StepDefinition definition, StepArguments arguments, StepRun run, Site site, TimeProvider time)
    {
        var plan = run.Assessment.Plan;
        if (run.ExitCode != ExitCode.Ok || plan.Actions.Count == 0)
            return $"No plan written to {path}: {(plan.Actions.Count == 0 ? "there is nothing to do" : "this plan would be refused")}.";
        var saved = SavedPlan.Of(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), definition.Name, site.Cloud.Name, run.Assessment.MaasName,
            time.GetUtcNow(), CloudSession.Operator(), arguments.Given, plan);
        PlanFile.Write(path, saved);
        return $"Plan {saved.Id} saved to {path} (fingerprint {saved.Fingerprint}, {saved.Objects.Count} object(s) it was made from). " +
               $"Apply it once with `slate apply {path}` (it asks for the confirmation, or --approve {saved.Fingerprint} for an unattended run).";
    }
}
