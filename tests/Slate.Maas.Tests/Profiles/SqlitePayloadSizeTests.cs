using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

/// <summary>
/// payload-sizes.db (make.py) holds one blob row per record size at an edge of the spec's leaf-local formula
/// (sqlite.org/fileformat2.html §1.6) for 4096-byte pages: max local 4061, min local 489, 4092 bytes per overflow page.
/// A wrong local size reads the overflow page number from the wrong place, so each row reads back whole only when the
/// split is exactly SQLite's.
/// </summary>
public sealed class SqlitePayloadSizeTests
{
    private static readonly int[] Payloads = [4060, 4061, 4062, 4100, 4580, 4581, 4681, 8153, 8154, 20000];

    // Record header: its size, the NULL of the INTEGER PRIMARY KEY, the blob's serial type (2 bytes below 8186, else 3).
    private static byte[] Pattern(int payload)
    {
        var length = payload - 4 < 8186 ? payload - 4 : payload - 5;
        return Enumerable.Range(0, length).Select(i => (byte)((i * 7 + payload) % 256)).ToArray();
    }

    [Fact]
    public void Rows_at_each_edge_of_the_local_payload_size_read_back_whole()
    {
        var rows = SqliteTableReader.ReadRows(ProfileFiles.Fixture("payload-sizes.db"), "spill");

        Assert.Equal(Enumerable.Range(1, Payloads.Length).Select(i => (long)i), rows.Select(r => r.RowId));
        Assert.All(Payloads.Zip(rows), pair =>
        {
            var (payload, row) = pair;
            Assert.Null(row[0]);
            Assert.True(Pattern(payload).AsSpan().SequenceEqual((byte[])row[1]!), $"the {payload}-byte record read back altered");
        });
    }

    [Fact]
    public void A_column_past_those_a_row_was_written_with_reads_as_null()
    {
        var row = SqliteTableReader.ReadRows(ProfileFiles.Fixture("payload-sizes.db"), "spill")[0];

        Assert.Equal(2, row.Values.Count);
        Assert.NotNull(row[1]);
        Assert.Null(row[2]);
    }
}
