using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

/// <summary>The record format of sqlite.org/fileformat2.html §2.1: a header-size varint, serial types, then the values.</summary>
public sealed class SqliteRecordTests
{
    [Fact]
    public void Every_integer_width_and_the_empty_text_and_blob_decode()
    {
        byte[] record =
        [
            11, 1, 2, 3, 4, 5, 6, 8, 9, 12, 13,
            0xff,
            0x80, 0x00,
            0x7f, 0xff, 0xff,
            0x80, 0x00, 0x00, 0x01,
            0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        ];

        var values = SqliteRecord.Decode(record);

        object?[] expected = [-1L, -32_768L, 8_388_607L, -2_147_483_647L, 1L << 32, -2L, 0L, 1L, Array.Empty<byte>(), ""];
        Assert.Equal(expected, values);
    }

    [Fact]
    public void A_header_that_ends_exactly_at_the_record_end_reads_its_zero_length_values()
    {
        Assert.Equal(new object?[] { null, 0L }, SqliteRecord.Decode([3, 0, 8]));
    }

    [Fact]
    public void A_header_holding_only_its_own_size_is_a_record_without_values()
    {
        Assert.Empty(SqliteRecord.Decode([1]));
    }

    [Theory]
    [InlineData(new byte[] { 4, 0, 0 })]
    [InlineData(new byte[] { 0, 1, 5 })]
    public void A_header_size_outside_the_record_is_refused(byte[] record)
    {
        var error = Assert.Throws<SqliteFormatException>(() => SqliteRecord.Decode(record));

        Assert.Equal("a record header is larger than its record", error.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void A_reserved_serial_type_is_refused_by_number(byte serialType)
    {
        var error = Assert.Throws<SqliteFormatException>(() => SqliteRecord.Decode([2, serialType]));

        Assert.Equal($"a record uses reserved serial type {serialType}", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 2, 2, 0x01 })]
    [InlineData(new byte[] { 2, 7, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 19, (byte)'a', (byte)'b' })]
    [InlineData(new byte[] { 2, 5, 1, 2, 3, 4, 5 })]
    public void A_value_longer_than_what_is_left_of_the_record_is_refused(byte[] record)
    {
        var error = Assert.Throws<SqliteFormatException>(() => SqliteRecord.Decode(record));

        Assert.Equal("a record value runs past the end of its record", error.Message);
    }

    [Fact]
    public void A_value_that_ends_exactly_at_the_record_end_is_read()
    {
        Assert.Equal(new object?[] { "abc", new byte[] { 9 } }, SqliteRecord.Decode([3, 19, 14, (byte)'a', (byte)'b', (byte)'c', 9]));
    }
}
