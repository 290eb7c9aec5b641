using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Hypervisor;
using Slate.Lab.Maas;
using Slate.Runbook.Sites;

namespace Slate.Lab.Tests;

/// <summary>A lab cloud seeded from the copied site file, served over loopback, with a raw authenticated HttpClient.</summary>
public sealed class LabHarness : IAsyncDisposable
{
    private LabHarness(FakeTimeProvider time, LabCloud cloud, LabMaasServer server)
    {
        Time = time;
        Cloud = cloud;
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.MaasUrl, "api/2.0/") };
        Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", OAuthHeader.Quoted(server.ApiKey));
    }

    public FakeTimeProvider Time { get; }
    public LabCloud Cloud { get; }
    public LabMaasServer Server { get; }
    public HttpClient Http { get; }

    public static Site LoadSite() => SiteLoader.Load(Path.Combine(AppContext.BaseDirectory, "Sites", "caracal-testcloud.yaml"));

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Starts a lab on a fresh fake clock, injecting the given fault specs (<see cref="LabFaults.Parse"/>).</summary>
    public static Task<LabHarness> StartAsync(params string[] faults) => StartAsync(NewClock(), faults);

    public static Task<LabHarness> StartAsync(FakeTimeProvider time, params string[] faults) => StartAsync(LoadSite(), time, faults);

    /// <summary>A lab of the copied site file with one edit made to its text (e.g. DHCP declared on another plane).</summary>
    public static Task<LabHarness> StartEditedAsync(string from, string to) =>
        StartAsync(SiteLoader.Parse(SiteText().Replace(from, to, StringComparison.Ordinal), "edited.yaml"), NewClock());

    public static string SiteText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sites", "caracal-testcloud.yaml"));

    private static async Task<LabHarness> StartAsync(Site site, FakeTimeProvider time, params string[] faults)
    {
        var cloud = new LabCloud(site, time) { Faults = LabFaults.Parse(faults) };
        var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
        return new LabHarness(time, cloud, server);
    }

    public string IdOf(string hostname) => Cloud.Machines.FindByHostname(hostname)?.SystemId ?? throw new InvalidOperationException($"no {hostname} in the lab");

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form.Length > 0) request.Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<JsonNode> PostJsonAsync(string path, params (string Key, string Value)[] form)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, path, form);
        Assert.True(status == HttpStatusCode.OK, $"POST {path}: {(int)status} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The networks <see cref="DefineDomain"/> attaches NICs to, in order: the PXE plane first, then data-plane ones.</summary>
    public static readonly string[] DomainNetworks = ["metal-admin", "data-tenant", "storage", "replication", "provider-public"];

    /// <summary>Defines a shut-off domain on the lab hypervisor whose NICs (PCI bus 1, 2, …) are on <see cref="DomainNetworks"/>.</summary>
    public void DefineDomain(string name, params string[] macs) =>
        Cloud.Hypervisor.Define(name, macs.Select((mac, i) => new LabNic(mac, DomainNetworks[i], i + 1)));

    /// <summary>
    /// Defines a domain with the given NICs, enlists it with `POST machines/` (virsh power on the pod) and lets it
    /// commission and test to Ready on the fake clock: its NICs are then enp1s0 (boot, metal-admin), enp2s0, ….
    /// </summary>
    public async Task<string> CreateReadyMachineAsync(string hostname, params string[] macs)
    {
        DefineDomain(hostname, macs);
        List<(string, string)> form = [("hostname", hostname), ("architecture", "amd64/generic"), ("power_type", "virsh"), .. PodPower(hostname)];
        form.AddRange(macs.Select(m => ("mac_addresses", m)));
        var created = await PostJsonAsync("machines/", [.. form]);
        Assert.Equal("Commissioning", (string?)created["status_name"]);
        Time.Advance(Cloud.Timings.Commissioning + Cloud.Timings.Testing);
        return (string)created["system_id"]!;
    }

    /// <summary>The form fields of virsh power the pod's hypervisor accepts for this domain (its address and password).</summary>
    public (string, string)[] PodPower(string domain) =>
    [
        ("power_parameters_power_address", Cloud.Pods.Pod.PowerAddress), ("power_parameters_power_id", domain),
        ("power_parameters_power_pass", Cloud.Pods.Pod.PowerPassword),
    ];

    /// <summary>`PUT` the machine's interface onto the VLAN of the plane's subnet, as an operator (or the carve) moves a NIC commissioning put elsewhere.</summary>
    public async Task MoveToPlaneAsync(string systemId, string interfaceName, string cidr)
    {
        var machine = Cloud.Machines.Get(systemId);
        var nic = machine.Interfaces.Single(i => i.Name == interfaceName);
        var vlan = Cloud.Networks.FindSubnet(cidr)!.Vlan;
        var (status, body) = await SendAsync(HttpMethod.Put, $"nodes/{systemId}/interfaces/{nic.Id}/", ("vlan", vlan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(status == HttpStatusCode.OK, $"PUT vlan: {(int)status} {body}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
