using System.Net;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

public sealed class AddressRangeTests
{
    private static readonly AddressRange Range = AddressRange.Parse("10.12.11.0-10.12.11.254")!;

    [Theory]
    [InlineData("10.12.11.0", true)]
    [InlineData("10.12.11.254", true)]
    [InlineData("10.12.10.255", false)]
    [InlineData("10.12.11.255", false)]
    [InlineData("::ffff:10.12.11.7", false)]
    public void A_range_holds_its_first_and_last_address_and_nothing_outside_or_of_another_family(string address, bool held)
    {
        Assert.Equal(held, Range.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.5 - 10.0.0.9", "10.0.0.5-10.0.0.9")]
    [InlineData("10.0.0.5-10.0.0.5", "10.0.0.5-10.0.0.5")]
    public void A_range_is_read_with_spaces_around_its_dash_and_may_be_one_address(string text, string read)
    {
        Assert.Equal(read, AddressRange.Parse(text)!.ToString());
    }

    [Theory]
    [InlineData("10.0.0.9-10.0.0.5")]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.5-10.0.0.9-10.0.0.12")]
    [InlineData("2001:db8::1-2001:db8::9")]
    [InlineData("10.0.0.05-10.0.0.9")]
    [InlineData("10.0.0.5-ten")]
    public void What_is_not_an_ipv4_range_first_to_last_is_no_range(string text)
    {
        Assert.Null(AddressRange.Parse(text));
    }

    [Fact]
    public void An_address_and_its_number_are_the_same_thing()
    {
        Assert.Equal(0x0A0C0B07u, AddressRange.Number(IPAddress.Parse("10.12.11.7")));
        Assert.Equal(IPAddress.Parse("255.0.1.2"), AddressRange.FromNumber(0xFF000102u));
    }
}
