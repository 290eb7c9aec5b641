using System.ComponentModel;
using System.Diagnostics;

namespace Slate.Libvirt.Tests.Real;

/// <summary>Runs virsh (qemu:///system) and other host tools, for test setup, teardown and checks only.</summary>
internal static class Virsh
{
    public const string Uri = "qemu:///system";
    public const string StartHint = "real libvirtd is needed: run scripts/start-libvirtd.sh as root";

    /// <summary>Runs the commands (virsh ';' syntax); virsh keeps going after a failed command.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string commands) => RunProcess("virsh", "-q", "-c", Uri, commands);

    /// <summary>Runs the commands and fails with virsh's error when any of them failed.</summary>
    public static string Must(string commands)
    {
        var (code, stdout, stderr) = Run(commands);
        if (code != 0 || stderr.Trim().Length > 0)
            throw new InvalidOperationException($"virsh '{commands}' failed (rc {code}): {stderr.Trim()}");
        return stdout;
    }

    public static (int ExitCode, string Stdout, string Stderr) RunProcess(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception e) { throw new InvalidOperationException($"cannot run {file} ({e.Message}); {StartHint}", e); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
    }
}
