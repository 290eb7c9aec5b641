using System.Globalization;
using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor;

/// <summary>The lab hypervisor host's users and groups (Debian's ids for libvirt-qemu and kvm).</summary>
internal static class LabAccounts
{
    private static readonly Dictionary<string, int> Users = new() { ["root"] = 0, ["libvirt-qemu"] = 64055 };
    private static readonly Dictionary<string, int> Groups = new() { ["root"] = 0, ["kvm"] = 994 };

    public static VolumeOwner Owner(string user, string group) => Owner(UserId(user), GroupId(group));

    public static VolumeOwner Owner(int uid, int gid) =>
        new(uid, Users.FirstOrDefault(u => u.Value == uid).Key, gid, Groups.FirstOrDefault(g => g.Value == gid).Key);

    private static int UserId(string user) => IdOf(Users, user, "user");

    private static int GroupId(string group) => IdOf(Groups, group, "group");

    private static int IdOf(Dictionary<string, int> table, string nameOrId, string kind) =>
        int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : table.TryGetValue(nameOrId, out id) ? id
        : throw new HypervisorException(HypervisorFailure.Other, $"no {kind} named '{nameOrId}' on the lab hypervisor");
}
