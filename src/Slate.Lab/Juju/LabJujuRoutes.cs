using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Faults;
using Slate.Lab.Maas;
using Slate.Runbook.Ports;

namespace Slate.Lab.Juju;

/// <summary>
/// The lab juju's HTTP side, one endpoint per juju command under /lab/juju/ (lab-only, not a Juju API). Arguments
/// travel in the query string; answers are the JSON juju prints, or <c>{"error": "..."}</c> with a 4xx status.
/// Every request must carry <c>Authorization: Bearer &lt;lab token&gt;</c>.
/// </summary>
public static class LabJujuRoutes
{
    public const string Prefix = "/lab/juju/";

    /// <summary>destroy-model's look-up and wait: part of that command, so the juju-error fault draws once for the command, not per poll.</summary>
    private const string WaitPoll = "model";

    public static IEndpointRouteBuilder MapLabJuju(this IEndpointRouteBuilder app, LabJujuController juju, string token)
    {
        var bearer = new LabBearerToken(token);
        var faults = new FaultDraw(juju.Cloud, juju.Cloud.Faults.JujuError, juju.Cloud.Faults.Seed, salt: 7);
        void Map(string method, string command, Func<HttpRequest, MaasResponse> handler) =>
            app.MapMethods(Prefix + command, [method], context => Handle(context, juju, bearer,
                request => command != WaitPoll && faults.Hits($"juju {command}: ERROR before the controller acted") ? Error(503, $"lab fault injection: the controller did not answer {command}") : handler(request)));

        Map("GET", "models", request =>
        {
            juju.Cloud.Record("juju", "models");
            juju.RequireController(Controller(request));
            return MaasResponse.Json(w => LabJujuJson.Models(w, juju));
        });
        // destroy-model's wait: not a juju command of its own, so not recorded.
        Map("GET", WaitPoll, request =>
        {
            var model = juju.Get(Controller(request), Model(request));
            return MaasResponse.Json(w => LabJujuJson.Progress(w, model));
        });
        Map("GET", "status", request =>
        {
            juju.Cloud.Record("juju", $"status -m {Model(request)}");
            var model = juju.Get(Controller(request), Model(request));
            return MaasResponse.Json(w => LabJujuJson.Status(w, juju, model));
        });
        Map("GET", "export-bundle", request =>
        {
            juju.Cloud.Record("juju", $"export-bundle -m {Model(request)}");
            var model = juju.Get(Controller(request), Model(request));
            return MaasResponse.Text(200, LabJujuBundle.Export(model));
        });
        Map("POST", "destroy-model", request =>
        {
            var timeout = request.Query["timeout-ms"].ToString() is { Length: > 0 } ms
                ? TimeSpan.FromMilliseconds(long.TryParse(ms, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= long.MaxValue / 1_000_000 ? n : throw new FormatException($"timeout-ms '{ms}' is not a duration juju accepts"))
                : (TimeSpan?)null;
            var options = new DestroyOptions(
                Flag(request, "destroy-storage"), Flag(request, "force"), timeout, Flag(request, "no-wait"), Flag(request, "release-storage"));
            var model = juju.DestroyModel(Controller(request), Model(request), options);
            return MaasResponse.Json(w => LabJujuJson.Progress(w, model));
        });
        Map("POST", "remove-machine", request =>
        {
            var options = new RemoveOptions(Flag(request, "keep-instance"), Flag(request, "force"), Flag(request, "no-wait"));
            var removal = juju.RemoveMachine(Controller(request), Model(request), Required(request, "machine"), options);
            return MaasResponse.Json(w => LabJujuJson.Removal(w, removal));
        });
        return app;
    }

    private static async Task Handle(HttpContext context, LabJujuController juju, LabBearerToken bearer, Func<HttpRequest, MaasResponse> handler)
    {
        MaasResponse response;
        if (!bearer.Admits(context))
        {
            response = Error(401, $"the lab refused the request: {LabVariables.Token} is missing or wrong");
        }
        else
        {
            try
            {
                lock (juju.Cloud.SyncRoot) response = handler(context.Request);
            }
            catch (LabJujuException e)
            {
                response = Error(e.StatusCode, e.Message);
            }
            catch (FormatException e)
            {
                response = Error(400, e.Message);
            }
        }
        await response.WriteAsync(context.Response);
    }

    private static MaasResponse Error(int status, string message) =>
        MaasResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        }) with { Status = status };

    private static string? Controller(HttpRequest request) =>
        request.Query["controller"].ToString() is { Length: > 0 } name ? name : null;

    private static string Model(HttpRequest request) => Required(request, "model");

    private static string Required(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value : throw new FormatException($"the lab juju request lacks '{name}'");

    private static bool Flag(HttpRequest request, string name) => request.Query[name].ToString() == "true";
}
