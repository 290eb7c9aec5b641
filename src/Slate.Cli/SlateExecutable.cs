namespace Slate.Cli;

internal static class SlateExecutable
{
    /// <summary>How this slate was started: the native binary itself, or `dotnet slate.dll` for a framework-dependent build.</summary>
    public static (string Executable, string[] Arguments) CommandLine()
    {
        var process = Environment.ProcessPath ?? "slate";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [Path.Combine(AppContext.BaseDirectory, "slate.dll")])
            : (process, []);
    }
}
