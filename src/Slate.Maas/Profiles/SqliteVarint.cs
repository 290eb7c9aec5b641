namespace Slate.Maas.Profiles;

/// <summary>SQLite's big-endian variable-length integer: up to 8 bytes of 7 bits (high bit = more), then one of 8 bits.</summary>
internal static class SqliteVarint
{
    public static ulong Read(ReadOnlySpan<byte> bytes, ref int offset)
    {
        ulong value = 0;
        for (var i = 0; i < 8; i++)
        {
            var b = NextByte(bytes, ref offset);
            value = (value << 7) | (uint)(b & 0x7f);
            if ((b & 0x80) == 0)
                return value;
        }
        return (value << 8) | NextByte(bytes, ref offset);
    }

    private static byte NextByte(ReadOnlySpan<byte> bytes, ref int offset) =>
        (uint)offset < (uint)bytes.Length
            ? bytes[offset++]
            : throw new SqliteFormatException("a varint runs past the end of its page or record");
}
