using System.Buffers.Binary;
using Slate.Maas.Errors;
using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

public sealed class SqliteTableReaderTests : IDisposable
{
    private readonly ProfileFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Every_serial_type_decodes_to_its_value()
    {
        var rows = SqliteTableReader.ReadRows(ProfileFiles.Fixture("serial-types.db"), "samples");

        object?[] expected = [null, 0L, 1L, -2L, 300L, 70_000L, 2_147_483_647L, 1L << 40, -(1L << 62), 3.5, "tëxt", new byte[] { 0x00, 0xff }];
        Assert.Equal(Enumerable.Range(1, expected.Length).Select(i => (long)i), rows.Select(r => r.RowId));
        Assert.All(rows, row => Assert.Null(row[0]));
        Assert.Equal(expected, rows.Select(r => r[1]));
    }

    [Fact]
    public void A_multi_level_table_yields_every_row_in_rowid_order()
    {
        var rows = SqliteTableReader.ReadRows(ProfileFiles.Fixture("many-rows.db"), "profiles");

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), rows.Select(r => r.RowId));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"node-{i:000}"), rows.Select(r => r[1]));
    }

    [Fact]
    public void An_absent_table_is_named()
    {
        var path = ProfileFiles.Fixture("serial-types.db");
        var error = Assert.Throws<MaasConfigurationException>(() => SqliteTableReader.ReadRows(path, "profiles"));

        Assert.Equal($"{path} has no 'profiles' table.", error.Message);
    }

    // With the header's page count marked stale the reader must find the missing pages by following the b-tree.
    [Theory]
    [InlineData("two-profiles.db")]
    [InlineData("many-rows.db")]
    [InlineData("page-1024.db")]
    public void A_truncated_file_without_a_trusted_page_count_still_gives_a_clear_error(string file)
    {
        var whole = File.ReadAllBytes(ProfileFiles.Fixture(file));
        BinaryPrimitives.WriteUInt32BigEndian(whole.AsSpan(92), BinaryPrimitives.ReadUInt32BigEndian(whole.AsSpan(24)) + 1);
        for (var length = 100; length < whole.Length; length += whole.Length / 37)
        {
            var path = _files.Scratch($"cut-{length}.db", whole[..length]);
            var error = Assert.Throws<MaasConfigurationException>(() => SqliteTableReader.ReadRows(path, "profiles"));
            Assert.Contains(path, error.Message);
        }
    }

    [Theory]
    [InlineData("many-rows.db")]
    [InlineData("page-1024.db")]
    public void Corrupt_bytes_give_rows_or_a_configuration_error_never_a_crash(string file)
    {
        var original = File.ReadAllBytes(ProfileFiles.Fixture(file));
        var random = new Random(20240601);
        var (read, refused) = (0, 0);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var corrupt = (byte[])original.Clone();
            for (var flips = 0; flips < 4; flips++)
                corrupt[random.Next(100, corrupt.Length)] = (byte)random.Next(256);
            var path = _files.Scratch("corrupt.db", corrupt);
            try
            {
                SqliteTableReader.ReadRows(path, "profiles");
                read++;
            }
            catch (MaasConfigurationException e)
            {
                Assert.Contains(path, e.Message);
                refused++;
            }
        }
        // Flips inside unused space or payload bytes leave a readable file; flips in the b-tree structure do not.
        Assert.True(read > 0 && refused > 0, $"{read} read, {refused} refused: both kinds of damage should occur in 300 tries");
    }
}
