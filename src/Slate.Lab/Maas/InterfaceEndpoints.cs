using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>nodes/{system_id}/interfaces/ and nodes/{system_id}/interfaces/{id}/.</summary>
internal static class InterfaceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "nodes/{systemId}/interfaces/", Collection);
        endpoint.Map(app, "nodes/{systemId}/interfaces/{interfaceId}/", Item);
    }

    private static MaasResponse Collection(MaasCall call)
    {
        var cloud = call.Cloud;
        var id = call.Route("systemId");
        var machine = cloud.GetMachine(id);
        if (call.Method != "GET") call.Touching(id);
        return (call.Method, call.Op) switch
        {
            ("GET", null) => MaasResponse.Json(w =>
            {
                w.WriteStartArray();
                foreach (var nic in machine.Interfaces) MaasJson.Interface(w, machine, nic);
                w.WriteEndArray();
            }),
            ("POST", "create_physical") => Interface(machine,
                cloud.CreatePhysical(id, call.Param("name"), call.Param("mac_address"), call.Int("vlan"))),
            ("POST", "create_bridge") => Interface(machine, cloud.CreateBridge(id, call.Param("name"), call.Param("parent"),
                call.Param("bridge_type"), call.Param("mac_address"), call.Int("vlan"), call.Flag("bridge_stp"), call.Int("bridge_fd") ?? 15)),
            ("POST", "create_vlan") => Interface(machine, cloud.CreateVlan(id, call.Param("name"), call.Param("parent"), call.Int("vlan"))),
            _ => throw call.Unrecognised(),
        };
    }

    private static MaasResponse Item(MaasCall call)
    {
        var cloud = call.Cloud;
        var id = call.Route("systemId");
        var machine = cloud.GetMachine(id);
        var nic = cloud.GetInterface(machine, call.Route("interfaceId"));
        var iid = nic.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (call.Method != "GET") call.Touching(id);
        switch (call.Method, call.Op)
        {
            case ("GET", null): return Interface(machine, nic);
            case ("DELETE", null):
                cloud.DeleteInterface(id, iid);
                return MaasResponse.NoContent;
            case ("PUT", null):
                var edit = new InterfaceEdit(call.Param("name"), call.Param("mac_address"), call.Int("vlan"),
                    call.Param("bridge_type"), call.Param("bridge_stp") is null ? null : call.Flag("bridge_stp"), call.Int("bridge_fd"));
                return Interface(machine, cloud.UpdateInterface(id, iid, edit));
            case ("POST", "link_subnet"):
                return Interface(machine, cloud.LinkSubnet(id, iid, call.Param("mode"), call.Param("subnet"), call.Param("ip_address"), call.Flag("force")));
            case ("POST", "unlink_subnet"): return Interface(machine, cloud.UnlinkSubnet(id, iid, call.Param("id")));
            case ("POST", "disconnect"): return Interface(machine, cloud.Disconnect(id, iid));
            default: throw call.Unrecognised();
        }
    }

    private static MaasResponse Interface(LabMachine machine, LabInterface nic) =>
        MaasResponse.Json(w => MaasJson.Interface(w, machine, nic));
}
