using Slate.Maas.Errors;
using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

/// <summary>
/// The 100-byte database header (sqlite.org/fileformat2.html §1.3): each field outside what the format allows is refused
/// by name, and the last allowed value still reads.
/// </summary>
public sealed class SqliteHeaderTests : IDisposable
{
    private readonly ProfileFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Edited(params (int Offset, byte Value)[] edits)
    {
        var bytes = File.ReadAllBytes(ProfileFiles.Fixture("two-profiles.db"));
        foreach (var (offset, value) in edits) bytes[offset] = value;
        return _files.Scratch("edited.db", bytes);
    }

    [Theory]
    [InlineData(16, 0x01, 17, 0x00, "invalid page size (256)")]
    [InlineData(16, 0x03, 17, 0xE8, "invalid page size (1000)")]
    [InlineData(19, 3, 19, 3, "read format version 3 is newer")]
    [InlineData(21, 63, 21, 63, "invalid reserved-space or payload-fraction bytes")]
    [InlineData(22, 33, 22, 33, "invalid reserved-space or payload-fraction bytes")]
    [InlineData(23, 31, 23, 31, "invalid reserved-space or payload-fraction bytes")]
    [InlineData(0, (byte)'s', 0, (byte)'s', "does not start with the SQLite 3 header")]
    public void A_header_field_outside_the_format_is_refused(int offset, byte value, int offset2, byte value2, string problem)
    {
        var path = Edited((offset, value), (offset2, value2));

        var error = Assert.Throws<MaasConfigurationException>(() => SqliteTableReader.ReadRows(path, "profiles"));

        Assert.Contains(problem, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Read_format_version_2_the_wal_mode_of_the_maas_cli_is_read()
    {
        var rows = SqliteTableReader.ReadRows(Edited((18, 2), (19, 2)), "profiles");

        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void A_file_shorter_than_the_header_is_refused_even_with_the_right_magic()
    {
        var bytes = File.ReadAllBytes(ProfileFiles.Fixture("two-profiles.db"))[..99];
        var path = _files.Scratch("short.db", bytes);

        var error = Assert.Throws<MaasConfigurationException>(() => SqliteTableReader.ReadRows(path, "profiles"));

        Assert.Contains("does not start with the SQLite 3 header", error.Message);
    }
}
