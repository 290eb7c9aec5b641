namespace Slate.Cli.Tests;

public sealed class RehearseCommandTests
{
    [Fact]
    public async Task Rehearses_every_built_step_on_the_embedded_lab()
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse");

        Assert.Equal(0, code);
        Assert.Contains("pre-flight   GATE green", io.Out);
        Assert.Matches(@"^Rehearsal: 1 of 1 step\(s\) green; [1-9][0-9]* MAAS API calls; 0 protected-machine violation\(s\)$", io.Out[^1]);
    }
}
