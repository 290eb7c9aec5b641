using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

/// <summary>
/// The varint of sqlite.org/fileformat2.html §1.6: bytes 1..8 carry 7 bits each (high bit set = more follow), a 9th
/// byte carries all 8 of its bits.
/// </summary>
public sealed class SqliteVarintTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0UL)]
    [InlineData(new byte[] { 0x7f }, 127UL)]
    [InlineData(new byte[] { 0x81, 0x00 }, 128UL)]
    [InlineData(new byte[] { 0xff, 0x7f }, 16_383UL)]
    [InlineData(new byte[] { 0x81, 0x80, 0x00 }, 16_384UL)]
    [InlineData(new byte[] { 0xff, 0xff, 0x7f }, 2_097_151UL)]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0x7f }, (1UL << 28) - 1)]
    [InlineData(new byte[] { 0x81, 0x80, 0x80, 0x80, 0x00 }, 1UL << 28)]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f }, (1UL << 56) - 1)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, 1UL)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xff }, 255UL)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x00 }, 256UL)]
    [InlineData(new byte[] { 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, 1UL << 57)]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, ulong.MaxValue)]
    public void Each_length_from_one_to_nine_bytes_decodes_and_is_consumed_whole(byte[] encoded, ulong expected)
    {
        byte[] bytes = [0xAA, .. encoded, 0xBB];
        var offset = 1;

        var value = SqliteVarint.Read(bytes, ref offset);

        Assert.Equal(expected, value);
        Assert.Equal(1 + encoded.Length, offset);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff })]
    [InlineData(new byte[] { })]
    public void A_varint_cut_short_is_refused(byte[] bytes)
    {
        var offset = 0;

        var error = Assert.Throws<SqliteFormatException>(() => SqliteVarint.Read(bytes, ref offset));

        Assert.Equal("a varint runs past the end of its page or record", error.Message);
    }

    [Fact]
    public void An_offset_past_the_end_is_refused_not_wrapped()
    {
        var offset = -1;

        Assert.Throws<SqliteFormatException>(() => SqliteVarint.Read(new byte[] { 0x01 }, ref offset));
    }
}
