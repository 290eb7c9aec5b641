using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

public sealed class StepArgumentsTests
{
    private static readonly DurationParameter Wait = new("wait", "", TimeSpan.FromMinutes(10));
    private static readonly ArgumentParameter Path = new("path", "");
    private static readonly FlagParameter Canary = new("canary", "");
    private static readonly ValuesParameter Overlay = new("overlay", "");
    private static readonly SecretParameter PasswordFile = new("password-file", "");
    private static readonly ChoiceParameter<int> Speed = new("speed", "", [("slow", 1), ("fast", 2)]);

    private static StepArguments With(string name, params string[] values) => new(new Dictionary<string, IReadOnlyList<string>> { [name] = values });

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5m", 90)]
    [InlineData("24h", 86400)]
    public void Durations_are_read_as_juju_spells_them(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), With("wait", text).Get(Wait));

    [Theory]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("25h")]
    [InlineData("10 m")]
    public void A_bad_duration_is_refused_naming_the_flag(string text)
    {
        var error = Assert.Throws<StepArgumentException>(() => With("wait", text).Get(Wait));
        Assert.StartsWith($"--wait {text}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_values_fall_back_and_the_last_value_wins()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), StepArguments.None.Get(Wait));
        Assert.Null(StepArguments.None.Get(Path));
        Assert.False(StepArguments.None.Get(Canary));
        Assert.Empty(StepArguments.None.Get(Overlay));
        Assert.Equal(1, StepArguments.None.Get(Speed));
        Assert.Equal("b", With("path", "a", "b").Get(Path));
        Assert.Equal(["a", "b"], With("overlay", "a", "b").Get(Overlay));
        Assert.True(With("canary", "true").Get(Canary));
        Assert.Equal(2, With("speed", "slow", "fast").Get(Speed));
    }

    [Fact]
    public void A_choice_outside_its_words_is_refused_naming_the_flag_and_the_words()
    {
        var error = Assert.Throws<StepArgumentException>(() => With("speed", "medium").Get(Speed));

        Assert.Equal("--speed medium: expected slow or fast", error.Message);
        Assert.Equal("slow", Speed.Default);
        Assert.Equal(["slow", "fast"], Speed.Choices);
        Assert.Equal(("10m", false), (Wait.Default, Path.Optional));
        Assert.True(new ArgumentParameter("host", "", MayBeOmitted: true).Optional);
    }

    [Fact]
    public void A_secret_comes_from_its_source_only_when_asked_and_never_shows_itself()
    {
        var prompts = new List<string>();
        var arguments = new StepArguments(new Dictionary<string, IReadOnlyList<string>>(),
            new Dictionary<string, SecretSource> { ["password-file"] = prompt => { prompts.Add(prompt); return new SecretText("s3cret"); } });

        var source = arguments.Get(PasswordFile);
        Assert.Empty(prompts);
        var secret = source("libvirt password");

        Assert.Equal(["libvirt password"], prompts);
        Assert.Equal("s3cret", secret!.Reveal());
        Assert.Equal("***", $"{secret}");
        Assert.Null(StepArguments.None.Get(PasswordFile)("libvirt password"));
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

        var host = new ArgumentParameter("host", "");
        var live = new FlagParameter("live", "");

        var more = original.With(host, "openstack1").With(live);

        Assert.Equal((RunMode.Apply, "openstack1", TimeSpan.FromMinutes(5), true), (more.Mode, more.Get(host), more.Get(Wait), more.Get(live)));
        Assert.Same(secret, more.Get(PasswordFile)("prompt"));
        Assert.False(original.Get(new FlagParameter("host", "")));
    }
}
