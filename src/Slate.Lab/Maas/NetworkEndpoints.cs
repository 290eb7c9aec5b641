using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>spaces/, subnets/, ipranges/, fabrics/, fabrics/{id}/vlans/, vlans/{id}/ (read-only in the lab; the topology is the site's).</summary>
internal static class NetworkEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "spaces/", call => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var space in call.Cloud.Networks.Spaces) MaasJson.Space(w, call.Cloud.Networks, space);
            if (call.Cloud.Networks.VlansIn(null).Count > 0) MaasJson.Space(w, call.Cloud.Networks, null);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "spaces/{id}/", call =>
        {
            var id = call.Route("id");
            if (id is "-1" or "undefined")
            {
                return call.Method switch
                {
                    "PUT" => throw LabApiException.BadRequest("Space cannot be modified: undefined"),
                    "DELETE" => throw LabApiException.BadRequest("Space cannot be deleted: undefined"),
                    _ => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w => MaasJson.Space(w, call.Cloud.Networks, null))),
                };
            }
            var space = call.Cloud.Networks.FindSpace(id) ?? throw LabApiException.NotFound("Space");
            return ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w => MaasJson.Space(w, call.Cloud.Networks, space)));
        });
        endpoint.Map(app, "subnets/", call => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var subnet in call.Cloud.Networks.Subnets) MaasJson.Subnet(w, subnet);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "subnets/{**id}", call =>
        {
            var subnet = call.Cloud.Networks.FindSubnet(call.Route("id").TrimEnd('/')) ?? throw LabApiException.NotFound("Subnet");
            if (call.Method == "GET" && call.Op == "ip_addresses")
                return MaasResponse.Json(w => MaasJson.SubnetAddresses(w, call.Cloud.Networks.AddressesOn(subnet)));
            return ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w => MaasJson.Subnet(w, subnet)));
        });
        endpoint.Map(app, "ipranges/", call => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var range in call.Cloud.Networks.Ranges) MaasJson.IpRange(w, range, call.Cloud.AdminUser);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "fabrics/", call => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var fabric in call.Cloud.Networks.Fabrics) MaasJson.Fabric(w, fabric);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "fabrics/{id}/", call => ServiceEndpoints.ReadOnly(call, () =>
            MaasResponse.Json(w => MaasJson.Fabric(w, FabricOf(call)))));
        endpoint.Map(app, "fabrics/{id}/vlans/", call => ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var vlan in FabricOf(call).Vlans) MaasJson.Vlan(w, vlan);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "fabrics/{id}/vlans/{vid}/", call =>
        {
            var vlan = FabricOf(call).Vlans.FirstOrDefault(v => v.Vid.ToString(System.Globalization.CultureInfo.InvariantCulture) == call.Route("vid"))
                ?? throw LabApiException.NotFound("VLAN");
            return ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w => MaasJson.Vlan(w, vlan)));
        });
        endpoint.Map(app, "vlans/{id}/", call =>
        {
            var vlan = (int.TryParse(call.Route("id"), out var vlanId) ? call.Cloud.Networks.FindVlan(vlanId) : null)
                ?? throw LabApiException.NotFound("VLAN");
            return ServiceEndpoints.ReadOnly(call, () => MaasResponse.Json(w => MaasJson.Vlan(w, vlan)));
        });
    }

    private static LabFabric FabricOf(MaasCall call) =>
        call.Cloud.Networks.FindFabric(call.Route("id")) ?? throw LabApiException.NotFound("Fabric");
}
