using System.Security.Cryptography;
using System.Text;

namespace Slate.Runbook.Core;

/// <summary>A short hash of a plan's actions and every argument they carry: the same plan from the same objects gives the same print.</summary>
public static class PlanFingerprint
{
    public static string Of(StepPlan plan)
    {
        var text = new StringBuilder();
        foreach (var action in plan.Actions)
        {
            text.Append(action.Kind).Append('\u001f').Append(action.Subject).Append('\u001e');
            foreach (var (key, value) in action.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
                text.Append(key).Append('=').Append(value).Append('\u001e');
            text.Append('\u001d');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
