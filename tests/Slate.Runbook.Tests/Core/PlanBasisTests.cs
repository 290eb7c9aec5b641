using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

public sealed class PlanBasisTests
{
    private static StepPlan Plan(string status, string title = "targets (resolved live; model openstack: present)", params Finding[] findings) => new(
        "h",
        [new ReportTable(title, ["hostname", "system_id", "MAAS status"], [["openstack0", "abc", status], ["openstack1", "def", "Deployed"], ["openstack1", "ghi", "Ready"]])],
        findings, [], [], new Dictionary<string, string> { ["host:openstack0"] = "abc" });

    [Fact]
    public void Every_row_finding_and_baseline_fact_is_an_object_keyed_by_what_it_is()
    {
        var objects = PlanBasis.Of(Plan("Deployed", findings: new Finding(Severity.Warning, "orphan-pod-vm", "capi-mgmt", "a VM of pod x")));

        Assert.Equal(new Dictionary<string, string>
        {
            ["targets (title)"] = "targets (resolved live; model openstack: present)",
            ["targets / openstack0"] = "system_id=abc, MAAS status=Deployed",
            ["targets / openstack1"] = "system_id=def, MAAS status=Deployed",
            ["targets / openstack1 #2"] = "system_id=ghi, MAAS status=Ready",
            ["finding orphan-pod-vm / capi-mgmt"] = "Warning: a VM of pod x",
            ["baseline / host:openstack0"] = "abc",
        }, objects);
    }

    [Fact]
    public void Changes_name_each_changed_gone_and_new_object()
    {
        var saved = PlanBasis.Of(Plan("Deployed"));
        var now = PlanBasis.Of(Plan("Ready", "targets (resolved live; model openstack: absent)", new Finding(Severity.Fatal, "boom", "x", "it broke")));

        Assert.Equal(
        [
            "targets (title): targets (resolved live; model openstack: present) → targets (resolved live; model openstack: absent)",
            "targets / openstack0: system_id=abc, MAAS status=Deployed → system_id=abc, MAAS status=Ready",
            "finding boom / x: new (Fatal: it broke)",
        ], PlanBasis.Changes(saved, now));
        Assert.Equal(["finding boom / x: gone (was Fatal: it broke)"], PlanBasis.Changes(now, PlanBasis.Of(Plan("Ready", "targets (resolved live; model openstack: absent)"))));
        Assert.Empty(PlanBasis.Changes(saved, PlanBasis.Of(Plan("Deployed"))));
    }
}
