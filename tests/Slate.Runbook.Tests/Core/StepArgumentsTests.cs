using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

public sealed class StepArgumentsTests
{
    private static StepArguments With(string name, params string[] values) => new(new Dictionary<string, IReadOnlyList<string>> { [name] = values });

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5m", 90)]
    [InlineData("24h", 86400)]
    public void Durations_are_read_as_juju_spells_them(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), With("wait", text).Duration("wait", TimeSpan.Zero));

    [Theory]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("25h")]
    [InlineData("10 m")]
    public void A_bad_duration_is_refused_naming_the_flag(string text)
    {
        var error = Assert.Throws<StepArgumentException>(() => With("wait", text).Duration("wait", TimeSpan.Zero));
        Assert.StartsWith($"--wait {text}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_values_fall_back_and_the_last_value_wins()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), StepArguments.None.Duration("wait", TimeSpan.FromMinutes(10)));
        Assert.Null(StepArguments.None.Value("path"));
        Assert.False(StepArguments.None.Flag("canary"));
        Assert.Empty(StepArguments.None.Values("overlay"));
        Assert.Equal("b", With("path", "a", "b").Value("path"));
        Assert.Equal(["a", "b"], With("overlay", "a", "b").Values("overlay"));
        Assert.True(With("canary", "true").Flag("canary"));
    }

    [Fact]
    public void A_secret_comes_from_its_source_only_when_asked_and_never_shows_itself()
    {
        var prompts = new List<string>();
        var arguments = new StepArguments(new Dictionary<string, IReadOnlyList<string>>(),
            new Dictionary<string, SecretSource> { ["password-file"] = prompt => { prompts.Add(prompt); return new SecretText("s3cret"); } });

        var source = arguments.Secret("password-file");
        Assert.Empty(prompts);
        var secret = source("libvirt password");

        Assert.Equal(["libvirt password"], prompts);
        Assert.Equal("s3cret", secret!.Reveal());
        Assert.Equal("***", $"{secret}");
        Assert.Null(StepArguments.None.Secret("password-file")("libvirt password"));
    }

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(600, "10m")]
    [InlineData(5400, "1h30m")]
    [InlineData(90000, "25h")]
    public void Durations_print_as_they_are_typed(int seconds, string text) => Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void An_argument_added_keeps_the_mode_the_secrets_and_the_other_values_and_leaves_the_original_as_it_was()
    {
        var secret = new SecretText("s3cret");
        var original = new StepArguments(new Dictionary<string, IReadOnlyList<string>> { ["wait"] = ["5m"] },
            new Dictionary<string, SecretSource> { ["password-file"] = _ => secret }) { Mode = RunMode.Apply };

        var more = original.With("host", "openstack1").With("live");

        Assert.Equal((RunMode.Apply, "openstack1", "5m", true), (more.Mode, more.Value("host"), more.Value("wait"), more.Flag("live")));
        Assert.Same(secret, more.Secret("password-file")("prompt"));
        Assert.False(original.Flag("host"));
    }
}
