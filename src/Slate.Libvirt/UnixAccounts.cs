using System.Globalization;
using Slate.Runbook.Ports;

namespace Slate.Libvirt;

/// <summary>User and group names from /etc/passwd and /etc/group (local files only; no NSS).</summary>
internal sealed class UnixAccounts(string passwdPath, string groupPath)
{
    public static UnixAccounts Local { get; } = new("/etc/passwd", "/etc/group");

    public string? UserName(int uid) => NameOf(passwdPath, uid);

    public string? GroupName(int gid) => NameOf(groupPath, gid);

    public int UserId(string user) => IdOf(passwdPath, user, "user");

    public int GroupId(string group) => IdOf(groupPath, group, "group");

    private static string? NameOf(string file, int id)
    {
        var text = id.ToString(CultureInfo.InvariantCulture);
        return Entries(file).FirstOrDefault(e => e.Length > 2 && e[2] == text)?[0];
    }

    private static int IdOf(string file, string nameOrId, string kind)
    {
        if (int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        var entry = Entries(file).FirstOrDefault(e => e.Length > 2 && e[0] == nameOrId)
            ?? throw new HypervisorException(HypervisorFailure.Other, $"no {kind} named '{nameOrId}' in {file}");
        return int.Parse(entry[2], CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string[]> Entries(string file) =>
        File.Exists(file) ? File.ReadLines(file).Select(line => line.Split(':')) : [];
}
