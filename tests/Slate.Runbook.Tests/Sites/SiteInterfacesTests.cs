using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

public sealed class SiteInterfacesTests
{
    private static readonly Site Site = SiteLoader.Load(SiteFiles.CaracalPath);

    [Theory]
    [InlineData("enp8s0", "data-tenant")]
    [InlineData("enp1s0", "provider-public")]
    [InlineData("br-metal", "metal-admin")]
    [InlineData("br-metal.103", "metal-internal")]
    public void The_nearest_plane_is_the_interfaces_own_else_the_first_down_its_chain(string name, string plane)
    {
        Assert.Equal(plane, Site.NearestPlane(Site.Interfaces.Single(i => i.Name == name))?.Name);
    }

    [Fact]
    public void An_interface_whose_chain_carries_no_plane_has_none()
    {
        Assert.Null(Site.NearestPlane(new InterfaceTemplate("enp12s0", InterfaceKind.Physical, null, null, BridgeType.Standard, 0)));
    }
}
