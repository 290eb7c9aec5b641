using System.Buffers.Binary;
using System.Text;

namespace Slate.Maas.Profiles;

/// <summary>Decodes SQLite's record format: a header of serial types, then each value's bytes.</summary>
internal static class SqliteRecord
{
    public static IReadOnlyList<object?> Decode(ReadOnlySpan<byte> payload)
    {
        var offset = 0;
        var headerSize = SqliteVarint.Read(payload, ref offset);
        if (headerSize < (ulong)offset || headerSize > (ulong)payload.Length)
            throw new SqliteFormatException("a record header is larger than its record");
        var header = payload[..(int)headerSize];
        var body = header.Length;
        var values = new List<object?>();
        while (offset < header.Length)
            values.Add(ReadValue(SqliteVarint.Read(header, ref offset), payload, ref body));
        return values;
    }

    private static object? ReadValue(ulong serialType, ReadOnlySpan<byte> payload, ref int offset)
    {
        var length = ContentLength(serialType);
        if (length > (ulong)(payload.Length - offset))
            throw new SqliteFormatException("a record value runs past the end of its record");
        var bytes = payload.Slice(offset, (int)length);
        offset += (int)length;
        return serialType switch
        {
            0 => null,
            <= 6 => SignedBigEndian(bytes),
            7 => BinaryPrimitives.ReadDoubleBigEndian(bytes),
            8 => 0L,
            9 => 1L,
            _ when serialType % 2 == 0 => bytes.ToArray(),
            _ => Encoding.UTF8.GetString(bytes),
        };
    }

    private static ulong ContentLength(ulong serialType) => serialType switch
    {
        0 or 8 or 9 => 0,
        <= 4 => serialType,
        5 => 6,
        6 or 7 => 8,
        10 or 11 => throw new SqliteFormatException($"a record uses reserved serial type {serialType}"),
        _ => (serialType - 12) / 2,
    };

    private static long SignedBigEndian(ReadOnlySpan<byte> bytes)
    {
        long value = (sbyte)bytes[0];
        foreach (var b in bytes[1..])
            value = (value << 8) | b;
        return value;
    }
}
