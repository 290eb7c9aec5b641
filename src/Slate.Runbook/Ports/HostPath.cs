namespace Slate.Runbook.Ports;

/// <summary>realpath(1) -m over any file system that can say where a link points: the one resolution both hypervisors use.</summary>
public static class HostPath
{
    private const int MaxLinks = 40; // Linux's MAXSYMLINKS

    /// <param name="path">An absolute path.</param>
    /// <param name="linkTarget">The target of the link at this absolute path, or null when it is not a link (or does not exist).</param>
    /// <exception cref="HypervisorException">A loop of links.</exception>
    public static string Resolve(string path, Func<string, string?> linkTarget)
    {
        ArgumentNullException.ThrowIfNull(linkTarget);
        if (!Path.IsPathRooted(path)) throw new ArgumentException($"'{path}' is not an absolute path", nameof(path));
        var pending = new Stack<string>(Parts(path).Reverse());
        var resolved = "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }
            var next = Path.Join(resolved, part);
            if (linkTarget(next) is not { } target)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks) throw new HypervisorException(HypervisorFailure.Other, $"resolving {path}: too many levels of symbolic links");
            if (Path.IsPathRooted(target)) resolved = "/";
            foreach (var targetPart in Parts(target).Reverse()) pending.Push(targetPart);
        }
        return resolved;
    }

    private static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
