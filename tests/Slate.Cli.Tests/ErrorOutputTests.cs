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
    public async Task An_empty_slate_site_variable_counts_as_unset_and_a_first_run_without_a_site_is_told_the_ways_on()
    {
        var env = new Dictionary<string, string?> { ["SLATE_SITE"] = "" };

        var (code, io) = await CliHarness.RunAsync(env, "bundle", "check", CliHarness.BundlePath);
        var (status, statusIo) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "status");

        Assert.Equal((2, 2), (code, status));
        const string told = "slate: no site file: there is no ./slate.yaml and neither --site FILE nor $SLATE_SITE names one. " +
            "Write one (sites/caracal-testcloud.yaml documents every key), or try Slate first on its built-in lab: `slate rehearse`";
        Assert.Equal([told], io.Errors);
        Assert.Equal([told], statusIo.Errors);
    }

    [Fact]
    public async Task A_site_file_named_but_missing_is_a_missing_file_not_a_first_run()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?> { ["SLATE_SITE"] = "/nowhere/site.yaml" }, "status");

        Assert.Equal(2, code);
        Assert.Equal(["slate: site.yaml:0: site: file not found"], io.Errors);
    }
}
