namespace Slate.Maas.Models;

/// <summary>The <c>mode</c> of <c>op=link_subnet</c>.</summary>
public enum LinkMode
{
    Auto,
    Dhcp,
    Static,
    LinkUp,
}
