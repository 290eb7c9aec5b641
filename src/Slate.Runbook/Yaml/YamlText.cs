using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Yaml;

/// <summary>
/// Parses YAML text into its representation model, bounded in depth and alias expansion; every malformation becomes
/// the caller's one-line error.
/// </summary>
internal static class YamlText
{
    /// <param name="error">Builds the caller's exception from a 1-based line and a problem.</param>
    public static YamlStream Load(string text, Func<long, string, Exception> error)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(new BoundedParser(parser));
        }
        catch (YamlException e)
        {
            throw error(e.Start.Line, e.Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (no position) on some malformed input, e.g. an unclosed [ at the end of the file.
            throw error(parser.Current?.End.Line ?? 1, "malformed YAML after this line (an unclosed [ { or quote?)");
        }
        return stream;
    }
}
