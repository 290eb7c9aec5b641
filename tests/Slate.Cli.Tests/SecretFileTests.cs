using Slate.Cli.Secrets;

namespace Slate.Cli.Tests;

/// <summary>A password file holds one password on one line: its line break is dropped, anything else unusual refused without showing it.</summary>
public sealed class SecretFileTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-secret-").FullName;

    private string FileWith(string content)
    {
        var path = Path.Combine(_folder, $"pw-{Guid.NewGuid():N}");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, Private);
        return path;
    }

    [Theory]
    [InlineData("s3cret", "s3cret")]
    [InlineData("s3cret\n", "s3cret")]
    [InlineData("s3cret\r\n", "s3cret")]
    [InlineData("with space inside ", "with space inside ")]
    public void One_line_is_the_password_without_its_line_break(string content, string password) =>
        Assert.Equal(password, SecretFile.Read("--password-file", FileWith(content)).Reveal());

    [Theory]
    [InlineData("s3c\0ret\n", "holds a control character")]
    [InlineData("s3cret\r", "holds a control character")]
    [InlineData("s3cret\n\n", "holds a control character")]
    [InlineData("first\nsecond\n", "holds a control character")]
    [InlineData("\n", "the file is empty")]
    [InlineData("\r\n", "the file is empty")]
    public void Anything_but_one_password_on_one_line_is_refused_without_showing_it(string content, string problem)
    {
        var path = FileWith(content);

        var error = Assert.Throws<CliInputException>(() => SecretFile.Read("--password-file", path));

        Assert.StartsWith($"--password-file {path}: {problem}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_4_kib_is_refused_as_the_wrong_file()
    {
        var path = FileWith(new string('x', 4097));

        var error = Assert.Throws<CliInputException>(() => SecretFile.Read("--password-file", path));

        Assert.Equal($"--password-file {path}: is 4097 bytes, over the limit of 4096 bytes", error.Message);
        Assert.Equal(new string('x', 4096), SecretFile.Read("--password-file", FileWith(new string('x', 4096))).Reveal());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
