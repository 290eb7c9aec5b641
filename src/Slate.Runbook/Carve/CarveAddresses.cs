using System.Globalization;
using System.Net;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>
/// Each planned STATIC link against what MAAS holds, so that a plan MAAS would refuse half-way is refused whole: an
/// address inside a dynamic range (forms/interface_link.py: "IP address is inside a dynamic range A to B.") and an
/// address any row holds (models/interface.py _link_subnet_static: "IP address is already in use.") are fatal; a row of
/// this host's own that the plan removes first (its interface deleted, cleared or moved, or the link unlinked) is not.
/// An address in a reserved range is a warning: MAAS links it (only dynamic ranges are refused), and reserving the
/// hosts' static addresses is common practice.
/// </summary>
internal static class CarveAddresses
{
    public static void Check(
        Host host, MaasMachine machine, IReadOnlyList<CarveChange> links, IReadOnlySet<string> freed, MaasTopology topology,
        IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses, List<Finding> findings)
    {
        var unlinked = links.Select(c => c.Action).OfType<CarveAction.Unlink>().Select(u => (u.Interface, u.LinkId)).ToHashSet();
        foreach (var link in links.Select(c => c.Action).OfType<CarveAction.Link>())
        {
            var subject = $"{host.Name} {link.Interface}";
            var (address, subnetId) = (link.Address, link.SubnetId);
            if (topology.RangeHolding(subnetId, IPAddress.Parse(address)) is { } range)
                findings.Add(InRange(subject, address, link.Cidr, range));
            foreach (var row in MaasAddress.Holding(addresses, subnetId, address))
            {
                if (FreedByPlan(row)) continue;
                findings.Add(new Finding(Severity.Fatal, "address-in-use", subject, $"{address} is already used by {row.Holder}{Hint(row, machine)}",
                    $"{address} free for {host.Name}", $"held by {row.Holder}"));
            }
        }

        bool FreedByPlan(MaasAddress row) =>
            row.SystemId == machine.SystemId && row.Kind != MaasAddressKind.Discovered && row.Via is { } via
            && (freed.Contains(via) || (machine.Interfaces.FirstOrDefault(i => i.Name == via)?.Links.FirstOrDefault(l => l.IpAddress == row.Ip) is { } held
                                        && unlinked.Contains((via, held.Id))));
    }

    private static Finding InRange(string subject, string address, string cidr, MaasIpRange range) => range.Dynamic
        ? new Finding(Severity.Fatal, "address-in-dynamic-range", subject,
            $"{address} is inside MAAS's {range.Describe()} on {cidr}, and MAAS refuses a STATIC link there " +
            $"(\"IP address is inside a dynamic range {range.Range.Start} to {range.Range.End}.\"): shrink the range or renumber the host",
            $"{address} outside every dynamic range", range.Describe())
        : new Finding(Severity.Warning, "address-in-reserved-range", subject,
            $"{address} is inside the {range.Describe()} on {cidr}: MAAS links it, but check that the range is kept for these hosts",
            $"{address} outside reserved ranges", range.Describe());

    private static string Hint(MaasAddress row, MaasMachine machine) =>
        row.Kind == MaasAddressKind.Discovered && row.SystemId == machine.SystemId
            ? $"; release it first: maas $PROFILE ipaddresses release ip={row.Ip} force=true discovered=true"
            : "";
}
