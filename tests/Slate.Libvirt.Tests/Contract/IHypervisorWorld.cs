using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Contract;

/// <summary>
/// A hypervisor prepared like the runbook's Steps 3-4 expect: shut-off domains, each with a vda and a vdb qcow2
/// volume (vdb mode 0644) in a pool at ImagesDir and one NIC on Network (an active network on Bridge).
/// </summary>
public interface IHypervisorWorld : IDisposable
{
    IHypervisor Hypervisor { get; }

    IReadOnlyList<string> Domains { get; }

    string Network { get; }

    string Bridge { get; }

    string ImagesDir { get; }

    string OsDisk(string domain);

    string OsdDisk(string domain);

    /// <summary>The MAC of the domain's NIC on Network.</summary>
    string NetworkMac(string domain);

    /// <summary>Makes a symbolic link on the hypervisor host's file system.</summary>
    void Symlink(string link, string target);
}
