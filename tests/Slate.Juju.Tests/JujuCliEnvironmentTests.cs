namespace Slate.Juju.Tests;

/// <summary>What a juju child process inherits: only the allow-listed variables, never a MAAS or lab secret.</summary>
public sealed class JujuCliEnvironmentTests : IDisposable
{
    private const string ModelsJson = """{"models": []}""";

    private readonly DummyJuju _juju = new();

    public JujuCliEnvironmentTests() => _juju.Answers(ModelsJson);

    public void Dispose() => _juju.Dispose();

    [Fact]
    public async Task Secrets_of_the_callers_environment_never_reach_juju()
    {
        var caller = new Dictionary<string, string?>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = "/home/operator",
            ["JUJU_DATA"] = "/home/operator/.local/share/juju",
            ["XDG_STATE_HOME"] = "/home/operator/.state",
            ["LC_ALL"] = "C.UTF-8",
            ["MAAS_API_KEY"] = "consumer:token:s3cret",
            ["MAAS_URL"] = "http://maas:5240/MAAS/",
            ["SLATE_LAB_TOKEN"] = "lab-t0ken",
            ["SLATE_LAB_URL"] = "http://127.0.0.1:5240/",
        };

        await _juju.Cli(environment: caller).ListModelsAsync();

        var seen = _juju.Environment;
        Assert.Equal("/home/operator", seen["HOME"]);
        Assert.Equal("/home/operator/.local/share/juju", seen["JUJU_DATA"]);
        Assert.Equal("/home/operator/.state", seen["XDG_STATE_HOME"]);
        Assert.Equal("C.UTF-8", seen["LC_ALL"]);
        Assert.Equal(caller["PATH"], seen["PATH"]);
        Assert.DoesNotContain("MAAS_API_KEY", seen.Keys);
        Assert.DoesNotContain("MAAS_URL", seen.Keys);
        Assert.DoesNotContain("SLATE_LAB_TOKEN", seen.Keys);
        Assert.DoesNotContain("SLATE_LAB_URL", seen.Keys);
        Assert.DoesNotContain(seen.Values, v => v.Contains("s3cret", StringComparison.Ordinal) || v.Contains("lab-t0ken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Juju_gets_nothing_of_this_process_outside_the_allow_list()
    {
        var own = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList();
        Assert.Contains(own, name => !JujuEnvironment.Allows(name)); // the test means something only then

        await _juju.Cli().ListModelsAsync();

        Assert.All(_juju.Environment.Keys, name => Assert.True(JujuEnvironment.Allows(name), $"juju inherited {name}"));
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), _juju.Environment["PATH"]);
    }
}
