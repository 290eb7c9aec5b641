using System.Net;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>nodes/{system_id}/interfaces/ and nodes/{system_id}/interfaces/{id}/: parsing here, behaviour in <see cref="LabInterfaces"/>.</summary>
internal static class InterfaceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "nodes/{systemId}/interfaces/", Collection);
        endpoint.Map(app, "nodes/{systemId}/interfaces/{interfaceId}/", Item);
    }

    private static MaasResponse Collection(MaasCall call)
    {
        var interfaces = call.Cloud.Interfaces;
        var id = call.Route("systemId");
        var machine = call.Cloud.Machines.Get(id);
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
                interfaces.CreatePhysical(machine, new PhysicalSpec(call.Param("name"), call.Param("mac_address"), call.Int("vlan")))),
            ("POST", "create_bridge") => Interface(machine, interfaces.CreateBridge(machine, new BridgeSpec(call.Param("name"),
                call.Int("parent"), BridgeTypes.Parse(call.Param("bridge_type")), call.Param("mac_address"), call.Int("vlan"),
                call.Flag("bridge_stp"), call.Int("bridge_fd") ?? 15))),
            ("POST", "create_vlan") => Interface(machine,
                interfaces.CreateVlan(machine, new VlanInterfaceSpec(call.Param("name"), call.Int("parent"), call.Int("vlan")))),
            ("POST", "create_bond") => Interface(machine, interfaces.CreateBond(machine, new BondSpec(call.Param("name"),
                call.Ints("parents"), call.Param("mac_address"), call.Int("vlan"), call.Param("bond_mode") ?? "balance-rr"))),
            _ => throw call.Unrecognised(),
        };
    }

    private static MaasResponse Item(MaasCall call)
    {
        var interfaces = call.Cloud.Interfaces;
        var id = call.Route("systemId");
        var machine = call.Cloud.Machines.Get(id);
        var nic = LabInterfaces.Get(machine, call.Route("interfaceId"));
        if (call.Method != "GET") call.Touching(id);
        switch (call.Method, call.Op)
        {
            case ("GET", null): return Interface(machine, nic);
            case ("DELETE", null):
                interfaces.Delete(machine, nic);
                return MaasResponse.NoContent;
            case ("PUT", null):
                var edit = new InterfaceEdit(call.Param("name"), call.Param("mac_address"), call.Int("vlan"),
                    call.Param("bridge_type"), call.Param("bridge_stp") is null ? null : call.Flag("bridge_stp"), call.Int("bridge_fd"));
                return Interface(machine, interfaces.Update(machine, nic, edit));
            case ("POST", "link_subnet"):
                var command = new LinkSubnetCommand(LinkModes.Parse(call.Param("mode")), call.Param("subnet"), Address(call),
                    call.Flag("force"), call.Flag("default_gateway"));
                return Interface(machine, interfaces.LinkSubnet(machine, nic, command));
            case ("POST", "unlink_subnet"): return Interface(machine, interfaces.UnlinkSubnet(machine, nic, call.Int("id")));
            case ("POST", "set_default_gateway"): return Interface(machine, interfaces.SetDefaultGateway(machine, nic, call.Int("link_id")));
            case ("POST", "disconnect"): return Interface(machine, interfaces.Disconnect(machine, nic));
            default: throw call.Unrecognised();
        }
    }

    private static IPAddress? Address(MaasCall call) => call.Param("ip_address") switch
    {
        null or "" => null,
        var text => IPAddress.TryParse(text, out var address) ? address : throw LabApiException.Invalid("ip_address", "Enter a valid IPv4 or IPv6 address."),
    };

    private static MaasResponse Interface(LabMachine machine, LabInterface nic) =>
        MaasResponse.Json(w => MaasJson.Interface(w, machine, nic));
}
