using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>One API call: method, op, route values and the merged query + form parameters (repeated keys kept).</summary>
internal sealed class MaasCall(HttpContext context, IFormCollection? form, LabCloud cloud, LabMaasRecorder recorder)
{
    public LabCloud Cloud { get; } = cloud;
    public string Method { get; } = context.Request.Method;
    public string Path { get; } = context.Request.Path.Value ?? "";

    /// <summary>op from the query string, else from the body (MAAS: request.GET.get("op") or request.POST.get("op")).</summary>
    public string? Op { get; } = NonEmpty(context.Request.Query["op"]) ?? NonEmpty(form?["op"] ?? StringValues.Empty);

    public string Route(string name) => context.Request.RouteValues[name]?.ToString() ?? "";

    public string? Param(string name) => All(name).FirstOrDefault();

    public IReadOnlyList<string> All(string name)
    {
        var values = new List<string>();
        if (form is not null && form.TryGetValue(name, out var fromForm)) values.AddRange(fromForm.OfType<string>());
        values.AddRange(context.Request.Query[name].OfType<string>());
        return values;
    }

    public bool Flag(string name) => Param(name)?.ToLowerInvariant() is "true" or "1" or "yes" or "on";

    public int? Int(string name)
    {
        var value = Param(name);
        if (value is null) return null;
        return int.TryParse(value, out var number) ? number : throw LabApiException.Invalid(name, "Enter a whole number.");
    }

    public IReadOnlyList<int> Ints(string name) =>
        [.. All(name).Select(value => int.TryParse(value, out var number) ? number : throw LabApiException.Invalid(name, "Enter a whole number."))];

    public LabApiException Unrecognised() => LabApiException.BadRequest($"Unrecognised signature: method={Method} op={Op ?? "None"}");

    /// <summary>Records an attempted change of a protected machine (the change itself proceeds, as MAAS would let it).</summary>
    public void Touching(string systemId)
    {
        if (Cloud.Machines.FindBySystemId(systemId) is { } machine && Cloud.IsProtected(machine))
        {
            recorder.Violation($"{Method} {Path} op={Op ?? "None"} on protected machine {machine.Hostname} ({machine.SystemId})");
        }
    }

    private static string? NonEmpty(StringValues values) => values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
