using System.Net;
using System.Text.Json.Nodes;
using Slate.Lab.Cloud;

namespace Slate.Cli.Tests.Carve;

/// <summary>`slate carve` against the lab's MAAS over HTTP, on hosts re-enrolled to Ready (the state Step 5 leaves).</summary>
public sealed class CarveCommandTests
{
    private static readonly string[] PatternATree =
    [
        // Commissioning gave each NIC but the PXE one a fabric of its own (the other hosts still use the default VLAN).
        "enp1s0 | physical | — | moved to VLAN untagged of fabric-0",
        "└─ br-ex | bridge ovs | static 10.12.4.10 | created, linked",
        "enp7s0 | physical | — | unchanged",
        "└─ br-metal | bridge standard | static 10.12.8.10 | created, linked",
        "   └─ br-metal.103 | vlan 103 | — | created",
        "      └─ br-internal | bridge standard | static 10.12.12.10 | created, linked",
        "enp8s0 | physical | static 10.12.16.10 | relinked (was VLAN untagged of fabric-6)",
        "enp9s0 | physical | static 10.12.32.10 | relinked (was VLAN untagged of fabric-7)",
        "enp10s0 | physical | static 10.12.36.10 | relinked (was VLAN untagged of fabric-8)",
    ];

    [Fact]
    public async Task A_re_enrolled_host_plans_the_full_tree_applies_one_write_per_change_and_then_plans_nothing()
    {
        await using var lab = await CarveLab.StartAsync();

        var (code, io, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("openstack0"));

        Assert.Equal(0, code);
        Assert.Equal(PatternATree, io.Out.SkipWhile(l => l != "interface | type | address | change").Skip(1).Take(PatternATree.Length));
        Assert.Contains("Summary: 0 fatal, 11 changes", io.Out);
        Assert.True(CarveLab.HostReads(requests) <= 2 + CarveLab.ReenrollGateReads, string.Join("\n", requests));
        Assert.Equal(0, CarveLab.Writes(requests));

        (code, io, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("openstack0", "--apply", "--confirm", "openstack0"));

        Assert.True(code == 0, io.OutText);
        Assert.Equal(11, CarveLab.Writes(requests));
        Assert.DoesNotContain(lab.Cloud.Networks.Fabrics, f => f.Name is "fabric-5" or "fabric-6" or "fabric-7" or "fabric-8"); // MAAS deletes the fabrics they left
        Assert.Contains("PASS  pattern-a      openstack0       └─ br-internal: bridge standard on br-metal.103, static 10.12.12.10", io.Out);
        Assert.Contains("PASS — all 10 checks", io.Out);
        var brEx = lab.Nic("openstack0", "br-ex");
        Assert.Equal(("ovs", "10.12.4.10"), (brEx.BridgeType, brEx.Links.Single().IpAddress?.ToString()));

        (code, io, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("openstack0", "--apply", "--confirm", "openstack0"));

        Assert.Equal(0, code);
        Assert.Contains("Summary: 0 fatal, 0 changes", io.Out);
        Assert.Equal(0, CarveLab.Writes(requests));
        Assert.Equal(0, (await lab.Harness.RunAsync("gate", "carve", "openstack0", "--site", CliHarness.SitePath)).Code);
        Assert.Equal(3, (await lab.Harness.RunAsync("gate", "carve", "--site", CliHarness.SitePath)).Code); // the three others are not carved yet
    }

    public static TheoryData<string, string[]> HandMadeDrift => new()
    {
        { "extra-link", ["unlink openstack0 enp8s0"] },
        { "standard-bridge", ["set-bridge-type openstack0 br-ex"] },
        { "missing-vlan", ["create-vlan openstack0 br-metal.103", "create-bridge openstack0 br-internal", "link openstack0 br-internal"] },
        { "wrong-subnet", ["link openstack0 enp9s0"] },
        { "stray-bridge", ["delete-interface openstack0 br-stray"] },
        { "wrong-parent", ["delete-interface openstack0 br-metal", "create-bridge openstack0 br-metal", "create-vlan openstack0 br-metal.103",
            "create-bridge openstack0 br-internal", "link openstack0 br-metal", "link openstack0 br-internal"] },
    };

    [Theory]
    [MemberData(nameof(HandMadeDrift))]
    public async Task Hand_made_drift_on_a_carved_host_plans_the_minimal_fix_and_applying_it_makes_the_gate_green(string drift, string[] fix)
    {
        await using var lab = await CarveLab.StartAsync();
        await lab.CarvedAsync("openstack0");
        MakeDrift(lab, drift);

        var (code, io) = await lab.CarveAsync("openstack0", "--json");

        Assert.Equal(0, code);
        var document = JsonNode.Parse(io.OutText)!;
        Assert.Equal(fix, document["actions"]!.AsArray().Select(a => $"{a!["kind"]} {a["subject"]}"));
        Assert.Equal($"Summary: 0 fatal, {fix.Length} changes", (string?)document["summary"]);

        var (applied, _, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("openstack0", "--apply", "--confirm", "openstack0"));

        Assert.Equal(0, applied);
        Assert.Equal(fix.Length, CarveLab.Writes(requests));
        Assert.Equal(0, (await lab.Harness.RunAsync("gate", "carve", "openstack0", "--site", CliHarness.SitePath)).Code);
    }

    private static void MakeDrift(CarveLab lab, string drift)
    {
        var interfaces = lab.Cloud.Interfaces;
        var machine = lab.Machine("openstack0");
        switch (drift)
        {
            case "extra-link":
                interfaces.LinkSubnet(machine, lab.Nic("openstack0", "enp8s0"), new LinkSubnetCommand(LinkMode.Static, "10.12.16.0/22", IPAddress.Parse("10.12.16.99"), false, false));
                break;
            case "standard-bridge":
                interfaces.Update(machine, lab.Nic("openstack0", "br-ex"), new InterfaceEdit(null, null, null, "standard", null, null));
                break;
            case "missing-vlan":
                interfaces.Delete(machine, lab.Nic("openstack0", "br-metal.103"));
                break;
            case "wrong-subnet":
                // force moves enp9s0 onto the replication VLAN, dropping its storage link, as MAAS does.
                interfaces.LinkSubnet(machine, lab.Nic("openstack0", "enp9s0"), new LinkSubnetCommand(LinkMode.Static, "10.12.36.0/22", IPAddress.Parse("10.12.36.99"), true, false));
                break;
            case "stray-bridge":
                interfaces.CreateBridge(machine, new BridgeSpec("br-stray", lab.Nic("openstack0", "enp11s0").Id, "standard", null, null, false, 15));
                break;
            case "wrong-parent":
                interfaces.Delete(machine, lab.Nic("openstack0", "br-metal"));
                interfaces.CreateBridge(machine, new BridgeSpec("br-metal", lab.Nic("openstack0", "enp11s0").Id, "standard", null, null, false, 15));
                break;
        }
    }

    /// <summary>
    /// MAAS refuses interface edits on a Deployed machine (api/interfaces.py); the plan quotes the lab's own 409 text and
    /// changes nothing. The runbook's order refuses it first (exit 4): Step 6 needs Step 5's Ready.
    /// </summary>
    [Fact]
    public async Task Carving_a_deployed_host_is_refused_quoting_maas_and_writes_nothing()
    {
        await using var lab = await CarveLab.StartAsync();
        var machine = lab.Machine("openstack1");
        lab.Cloud.Machines.Allocate(machine.SystemId, null);
        lab.Cloud.Machines.Deploy(machine.SystemId, null);
        lab.Cloud.Machines.Settle();
        Assert.Equal(NodeStatus.Deployed, machine.Status);
        var refusal = Assert.Throws<LabApiException>(() => lab.Cloud.Interfaces.CreateBridge(machine,
            new BridgeSpec("br-ex", lab.Nic("openstack1", "enp1s0").Id, "ovs", null, null, false, 15)));

        var (code, io, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("openstack1", "--apply", "--confirm", "openstack1"));

        Assert.Equal(4, code);
        Assert.Contains($"FATAL   openstack1: is Deployed; the carve needs Ready, and MAAS refuses these edits: \"{refusal.Message}\"", io.Out);
        Assert.Contains(io.Out, l => l.StartsWith("PRECONDITION reenroll: `slate reenroll` must come first: its gate does not hold yet (ready openstack1:", StringComparison.Ordinal));
        Assert.Contains("Refused: a precondition does not hold; nothing was changed.", io.Out);
        Assert.Equal(0, CarveLab.Writes(requests));
    }

    [Fact]
    public async Task An_address_another_machine_holds_is_fatal_and_names_the_holder()
    {
        await using var lab = await CarveLab.StartAsync();
        lab.Cloud.Interfaces.LinkSubnet(lab.Machine("openstack1"), lab.Nic("openstack1", "enp8s0"),
            new LinkSubnetCommand(LinkMode.Static, "10.12.16.0/22", IPAddress.Parse("10.12.16.10"), Force: true, false));

        var (code, io) = await lab.CarveAsync("openstack0");

        Assert.Equal(3, code);
        Assert.Contains("FATAL   openstack0 enp8s0: 10.12.16.10 is already used by openstack1 (machine, enp8s0)", io.Out);
        Assert.Contains("Summary: 1 fatal, 11 changes", io.Out);
    }

    [Fact]
    public async Task A_missing_physical_nic_is_fatal()
    {
        await using var lab = await CarveLab.StartAsync();
        lab.Cloud.Interfaces.Delete(lab.Machine("openstack2"), lab.Nic("openstack2", "enp10s0"));

        var (code, io) = await lab.CarveAsync("openstack2");

        Assert.Equal(3, code);
        Assert.Contains("FATAL   openstack2 enp10s0: physical NIC missing: MAAS has no such interface on this machine", io.Out);
        Assert.Contains("enp10s0 | physical | static 10.12.36.12 | FATAL (see findings)", io.Out);
    }

    [Fact]
    public async Task A_plane_whose_subnet_maas_does_not_have_is_fatal()
    {
        await using var lab = await CarveLab.StartAsync();
        var site = Path.Combine(lab.Directory, "moved-storage.yaml");
        File.WriteAllText(site, File.ReadAllText(CliHarness.SitePath).Replace("10.12.32.0/22", "10.12.40.0/22", StringComparison.Ordinal));

        var (code, io) = await lab.Harness.RunAsync("carve", "openstack0", "--site", site, "--journal", lab.JournalPath);

        Assert.True(code == 3, string.Join("\n", io.Out.Concat(io.Errors)));
        Assert.Contains("FATAL   openstack0 enp9s0: MAAS has no subnet 10.12.40.0/22 for plane storage", io.Out);
    }

    [Fact]
    public async Task All_plans_every_host_with_one_machine_read_and_is_plan_only()
    {
        await using var lab = await CarveLab.StartAsync();

        var (code, io, requests) = await lab.MeasuredAsync(() => lab.CarveAsync("--all"));

        Assert.Equal(0, code);
        // The last host re-enrolled found the default VLAN free again: its enp1s0 needs no move (network.py guess_vlan_for_interface).
        Assert.Contains("Summary: 0 fatal, 43 changes (openstack0 11, openstack1 11, openstack2 11, openstack3 10)", io.Out);
        Assert.Equal(1 + CarveLab.ReenrollGateReads, CarveLab.HostReads(requests));
        Assert.Equal(2, (await lab.CarveAsync("--all", "--apply")).Code);
        Assert.Equal(2, (await lab.CarveAsync("--apply")).Code);
        Assert.Equal(2, (await lab.CarveAsync()).Code);
        var (unknown, refused) = await lab.CarveAsync("openstack9");
        Assert.Equal(2, unknown);
        Assert.Equal(["slate: openstack9: not a host of the site (hosts: openstack0, openstack1, openstack2, openstack3)"], refused.Errors);
        Assert.Equal(0, CarveLab.Writes(lab.Harness.Server.Requests));
    }
}
