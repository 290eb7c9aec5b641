using System.Text.Json;

namespace Slate.Cli.Tests;

/// <summary>Every failure is one line on stderr and an exit code; with --json, stdout is still one JSON document.</summary>
public sealed class ErrorOutputTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task A_parse_error_with_json_prints_one_json_error_document()
    {
        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "bundle", "check", "--json");

        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(Assert.Single(io.Out));
        Assert.Equal(2, doc.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Contains("Required argument missing", doc.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("slate: ", io.Errors[0]);
    }

    [Fact]
    public async Task A_multi_line_exception_message_is_printed_as_one_line()
    {
        var io = new RecordingInteraction();
        var context = new CliContext(io, NoEnvironment,
            _ => throw new InvalidOperationException("juju failed\nERROR model not found\n"),
            (_, _) => throw new InvalidOperationException("unused"),
            (_, _) => throw new InvalidOperationException("unused"), TimeProvider.System);

        var code = await SlateApp.RunAsync(["preflight", "--site", CliHarness.SitePath, "--json"], context, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("slate: InvalidOperationException: juju failed | ERROR model not found", Assert.Single(io.Errors));
        using var doc = JsonDocument.Parse(Assert.Single(io.Out));
        Assert.DoesNotContain('\n', doc.RootElement.GetProperty("error").GetString()!);
    }

    [Fact]
    public async Task An_empty_slate_site_variable_counts_as_unset()
    {
        var env = new Dictionary<string, string?> { ["SLATE_SITE"] = "" };

        var (code, io) = await CliHarness.RunAsync(env, "bundle", "check", CliHarness.BundlePath);

        Assert.Equal(2, code);
        Assert.StartsWith("slate: slate.yaml:0: site: file not found", Assert.Single(io.Errors));
    }
}
