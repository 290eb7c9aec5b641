using Slate.Lab.Faults;

namespace Slate.Lab.Tests.Faults;

public sealed class LabFaultsParsingTests
{
    [Fact]
    public void Every_form_parses_and_prints_back_as_specs()
    {
        var faults = LabFaults.Parse(["latency=200ms", "503=0.2", "409=0.1:3", "409-state=0.02", "lost=0.05", "stuck=openstack2",
            "stuck=openstack4,openstack5", "fail-commissioning=openstack3", "fail-testing=openstack1", "seed=7"]);

        Assert.Equal(TimeSpan.FromMilliseconds(200), faults.Latency);
        Assert.Equal(new RetryableFault(0.2, 10), faults.Unavailable);
        Assert.Equal(new RetryableFault(0.1, 3), faults.Conflict);
        Assert.Equal(0.02, faults.StateConflict);
        Assert.Equal(0.05, faults.Lost);
        Assert.True(faults.Stuck.SetEquals(["openstack2", "openstack4", "openstack5"]));
        Assert.True(faults.FailCommissioning.SetEquals(["openstack3"]));
        Assert.True(faults.FailTesting.SetEquals(["openstack1"]));
        Assert.Equal(7, faults.Seed);
        Assert.Equal("latency=200ms 503=0.2:10 409=0.1:3 409-state=0.02 lost=0.05 stuck=openstack2,openstack4,openstack5 " +
                     "fail-commissioning=openstack3 fail-testing=openstack1 seed=7", faults.ToString());
        Assert.Equal(faults.ToString(), LabFaults.Parse(faults.ToString().Split(' ')).ToString());
    }

    [Fact]
    public void Defaults_follow_maas_retry_after_and_no_specs_is_no_fault()
    {
        Assert.Equal(5, LabFaults.Parse(["409=1"]).Conflict.RetryAfterSeconds);
        Assert.Equal(10, LabFaults.Parse(["503=1"]).Unavailable.RetryAfterSeconds);
        Assert.Equal(TimeSpan.FromSeconds(1.5), LabFaults.Parse(["latency=1.5s"]).Latency);
        Assert.True(LabFaults.Parse([]).IsEmpty);
        Assert.True(LabFaults.Parse(["seed=3"]).IsEmpty);
        Assert.False(LabFaults.Parse(["latency=1ms"]).IsEmpty);
        Assert.False(LabFaults.Parse(["stuck=openstack2"]).DrawsPerCall);
        Assert.True(LabFaults.Parse(["lost=0.1"]).DrawsPerCall);
        Assert.True(LabFaults.Parse(["409-state=0.1"]).DrawsPerCall);
    }

    [Theory]
    [InlineData("503", "expected KIND=VALUE")]
    [InlineData("=0.1", "expected KIND=VALUE")]
    [InlineData("500=0.1", "unknown fault '500'")]
    [InlineData("503=1.5", "the rate '1.5' is not a number from 0 to 1")]
    [InlineData("503=-0.1", "the rate '-0.1' is not a number from 0 to 1")]
    [InlineData("409=lots", "the rate 'lots' is not a number from 0 to 1")]
    [InlineData("503=0.2:soon", "Retry-After 'soon' is not whole seconds")]
    [InlineData("409=0.2:1:2", "expected RATE[:SECONDS]")]
    [InlineData("409-state=0.1:5", "the rate '0.1:5' is not a number from 0 to 1")]
    [InlineData("lost=", "the rate '' is not a number from 0 to 1")]
    [InlineData("latency=200", "the latency needs a unit")]
    [InlineData("latency=fastms", "the latency 'fastms' is not a duration")]
    [InlineData("latency=11m", "the latency needs a unit")]
    [InlineData("stuck=", "expected one or more hostnames")]
    [InlineData("fail-commissioning=a,,b", "expected one or more hostnames")]
    [InlineData("seed=x", "the seed must be a whole number")]
    public void A_bad_spec_is_one_line_naming_it(string spec, string reason)
    {
        var error = Assert.Throws<LabFaultSpecException>(() => LabFaults.Parse([spec]));

        Assert.Equal(spec, error.Spec);
        Assert.StartsWith($"fault spec '{spec}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_rate_given_twice_is_refused_but_hostnames_add_up()
    {
        var error = Assert.Throws<LabFaultSpecException>(() => LabFaults.Parse(["503=0.1", "503=0.2"]));
        Assert.Equal("fault spec '503=0.2': 503 is given twice", error.Message);
        Assert.Equal(2, LabFaults.Parse(["fail-commissioning=a", "fail-commissioning=b"]).FailCommissioning.Count);
    }
}
