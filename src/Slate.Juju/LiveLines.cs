using System.Text;
using CliWrap;

namespace Slate.Juju;

/// <summary>
/// A pipe target that reports juju's stderr line by line as soon as the text is there. Juju leaves its wait line
/// open (<c>\nWaiting for model to be removed, 1 machine(s)...</c>, then one dot per unchanged poll, cmd/juju/model/destroy.go),
/// so waiting for the newline would show a change only when the next one comes: text that arrives without a newline
/// is reported at once, and what follows on the same line is reported only if it is more than dots.
/// </summary>
internal static class LiveLines
{
    public static PipeTarget To(IProgress<string> progress) => PipeTarget.Create(async (stream, ct) =>
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[4096];
        var line = new StringBuilder();
        var reported = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n')
                {
                    Report(progress, line, reported);
                    line.Clear();
                    reported = 0;
                }
                else if (c != '\r')
                {
                    line.Append(c);
                }
            }
            reported = Report(progress, line, reported);
        }
        Report(progress, line, reported);
    });

    // Reports the part of the line not reported yet, unless it is only dots; returns how much of the line is now reported.
    private static int Report(IProgress<string> progress, StringBuilder line, int reported)
    {
        var rest = line.ToString(reported, line.Length - reported);
        if (rest.Trim('.', ' ').Length == 0) return reported;
        progress.Report(rest);
        return line.Length;
    }
}
