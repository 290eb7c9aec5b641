using Slate.Cli.Interaction;
using Slate.Cli.Rendering;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Runbook.Sites;

namespace Slate.Cli.Tests;

/// <summary>Text from outside reaches the terminal without escape sequences or control characters, and errors stay short.</summary>
public sealed class TerminalTextTests
{
    private const string Hostile = "\u001b[2J\u001b[Hcaracal\u001b]0;owned\u0007\r\u009b31mforged\u202Eeman\u0000";

    [Theory]
    [InlineData("\u001b[2J\u001b[1;31mred\u001b[0m", "red")]
    [InlineData("a\u001b]0;new title\u0007b", "ab")]
    [InlineData("a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b", "alinkb")]
    [InlineData("ok\rFORGED", "ok FORGED")]
    [InlineData("one\ntwo", "one two")]
    [InlineData("\u009b2Jc1", "c1")]
    [InlineData("abc\u202Efed", "abc fed")]
    [InlineData("é — … ✓ 10.12.4.0/22", "é — … ✓ 10.12.4.0/22")]
    public void Clean_removes_escape_sequences_and_control_characters(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Clean(text));

    [Fact]
    public void A_huge_message_becomes_one_capped_line()
    {
        var message = string.Concat(Enumerable.Repeat("juju: ERROR \u001b[2Jno such model\n", 4_000_000));

        var line = TerminalText.OneLine(message);

        Assert.Equal(TerminalText.MaxQuoted + 1, line.Length);
        Assert.EndsWith("…", line);
        Assert.StartsWith("juju: ERROR no such model | juju: ERROR no such model", line);
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public void A_short_message_is_not_marked_as_cut() =>
        Assert.Equal("first | second", TerminalText.OneLine("first\r\n\nsecond\n"));

    [Fact]
    public void The_terminal_interaction_cleans_lines_errors_and_table_cells()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var io = new SpectreInteraction(output, error);

        io.Line($"MAAS '{Hostile}'");
        io.Error($"slate: {Hostile}");
        io.Table($"t{Hostile}", ["h"], [[Hostile]]);

        var printed = output + error.ToString();
        // Spectre styles the table with escape sequences of its own; none of the hostile ones may pass.
        foreach (var piece in new[] { "\u001b[2J", "\u001b[H", "\u001b]", "\u0007", "\r", "\u009b", "\u202E", "\0" })
            Assert.DoesNotContain(piece, printed);
        Assert.Matches("^MAAS '.*caracal.*forged.*'$", output.ToString().Split(Environment.NewLine)[0]);
        Assert.Matches("^slate: .*caracal.*forged.*$", error.ToString().TrimEnd());
        Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_hostile_maas_name_in_the_refusal_reaches_the_operator_clean()
    {
        // The site file refuses such a name, so the lab is given it past the loader: MAAS itself answers with it.
        var site = SiteLoader.Load(CliHarness.SitePath);
        var hostile = site with { Cloud = site.Cloud with { MaasName = "\u001b[2J\u001b]0;owned\u0007caracal\rslate: all clear" } };
        await using var server = await LabMaasServer.StartAsync(new LabCloud(hostile, TimeProvider.System), 0, CancellationToken.None);

        var (code, io) = await CliHarness.RunAsync(
            new Dictionary<string, string?> { ["MAAS_URL"] = server.MaasUrl.ToString(), ["MAAS_API_KEY"] = server.ApiKey },
            "preflight", "--site", CliHarness.SitePath);

        Assert.Equal(4, code);
        var error = Assert.Single(io.Errors);
        Assert.Contains("itself 'caracal | slate: all clear'", error);
        Assert.DoesNotContain(error, char.IsControl);
    }

    [Fact]
    public async Task A_huge_adapter_error_is_one_capped_clean_line()
    {
        var io = new RecordingInteraction();
        var context = new CliContext(io, new Dictionary<string, string?>(),
            _ => throw new InvalidOperationException(string.Concat(Enumerable.Repeat("ERROR \u001b[31mboom\u001b[0m\n", 200_000))),
            (_, _) => throw new InvalidOperationException("unused"),
            (_, _) => throw new InvalidOperationException("unused"), TimeProvider.System);

        var code = await SlateApp.RunAsync(["preflight", "--site", CliHarness.SitePath], context, CancellationToken.None);

        Assert.Equal(1, code);
        var error = Assert.Single(io.Errors);
        Assert.StartsWith("slate: InvalidOperationException: ERROR boom | ERROR boom", error);
        Assert.True(error.Length <= "slate: ".Length + TerminalText.MaxQuoted + 1, $"{error.Length} characters");
        Assert.DoesNotContain(error, char.IsControl);
    }
}
