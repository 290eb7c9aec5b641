using System.Security.Cryptography;
using System.Text;

namespace Slate.Runbook.Core;

/// <summary>A short hash of a plan's actions and every argument they carry: the same plan from the same objects gives the same print.</summary>
public static class PlanFingerprint
{
    public static string Of(StepPlan plan) => Of(plan.Actions);

    public static string Of(IEnumerable<PlannedAction> actions)
    {
        var text = new StringBuilder();
        foreach (var action in actions)
        {
            text.Append(action.Kind).Append('\u001f').Append(action.Subject).Append('\u001e');
            foreach (var (key, value) in action.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
                text.Append(key).Append('=').Append(value).Append('\u001e');
            text.Append('\u001d');
        }
        return Print(text);
    }

    /// <summary>
    /// A saved plan's print: its id, every flag it is applied with and its actions' print, so that editing any of them
    /// in the file breaks the print an approver approved.
    /// </summary>
    public static string Sealed(string id, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, string actions)
    {
        var text = new StringBuilder().Append(id).Append('\u001d');
        foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
            text.Append(name).Append('=').AppendJoin('\u001f', values).Append('\u001e');
        return Print(text.Append('\u001d').Append(actions));
    }

    private static string Print(StringBuilder text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
}
