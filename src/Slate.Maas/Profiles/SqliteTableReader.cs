using System.Buffers.Binary;
using System.Numerics;
using Slate.Maas.Errors;
using Slate.Runbook.Files;

namespace Slate.Maas.Profiles;

/// <summary>
/// Reads every row of one rowid table straight from an SQLite 3 file (https://www.sqlite.org/fileformat.html),
/// read-only and without SQLite. Content still only in a -wal file beside it is not seen.
/// </summary>
internal sealed class SqliteTableReader
{
    private const int FileHeaderSize = 100;
    private const byte InteriorTablePage = 0x05;
    private const byte LeafTablePage = 0x0d;

    private readonly byte[] _file;
    private readonly int _pageSize;
    private readonly int _usableSize;
    private readonly uint _pageCount;
    private long _payloadBytesRead;

    private SqliteTableReader(byte[] file)
    {
        if (file.Length < FileHeaderSize || !file.AsSpan(0, 16).SequenceEqual("SQLite format 3\0"u8))
            throw new SqliteFormatException("it does not start with the SQLite 3 header");
        _file = file;
        var encodedPageSize = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(16));
        _pageSize = encodedPageSize == 1 ? 65536 : encodedPageSize;
        if (_pageSize < 512 || !BitOperations.IsPow2(_pageSize))
            throw new SqliteFormatException($"its header gives an invalid page size ({encodedPageSize})");
        if (file[19] > 2)
            throw new SqliteFormatException($"its read format version {file[19]} is newer than this reader understands");
        _usableSize = _pageSize - file[20];
        if (_usableSize < 480 || file[21] != 64 || file[22] != 32 || file[23] != 32)
            throw new SqliteFormatException("its header has invalid reserved-space or payload-fraction bytes");
        var encoding = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(56));
        if (encoding is not (0 or 1))
        {
            var name = encoding switch { 2 => "UTF-16le", 3 => "UTF-16be", _ => $"unknown ({encoding})" };
            throw new SqliteFormatException($"its text encoding is {name}; only UTF-8 is supported");
        }
        _pageCount = PageCount(file, _pageSize);
    }

    /// <summary>The rows of <paramref name="table"/> in rowid order; any unreadable content is a <see cref="MaasConfigurationException"/> naming <paramref name="path"/>.</summary>
    public static IReadOnlyList<SqliteRow> ReadRows(string path, string table)
    {
        var file = InputFile.ReadBytes(path, problem => new MaasConfigurationException($"The maas CLI profile database {path} {problem}."));
        try
        {
            var reader = new SqliteTableReader(file);
            var root = reader.RootPageOf(table) ?? throw new MaasConfigurationException($"{path} has no '{table}' table.");
            return reader.ReadTable(root);
        }
        catch (SqliteFormatException e)
        {
            throw new MaasConfigurationException($"{path} is not a readable SQLite database: {e.Message}.");
        }
    }

    // The header's page count is only trusted when its version-valid-for number matches the change counter.
    private static uint PageCount(byte[] file, int pageSize)
    {
        var pagesInFile = (uint)(file.Length / pageSize);
        var declared = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(28));
        var declaredIsValid = declared != 0
            && BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(24)) == BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(92));
        if (!declaredIsValid)
            return pagesInFile;
        if (declared > pagesInFile)
            throw new SqliteFormatException(
                $"it is truncated: its header declares {declared} pages of {pageSize} bytes but the file has {file.Length} bytes");
        return declared;
    }

    // sqlite_schema (page 1) rows are (type, name, tbl_name, rootpage, sql).
    private uint? RootPageOf(string table)
    {
        foreach (var row in ReadTable(1))
        {
            if (row[0] is "table" && row[1] is string name && string.Equals(name, table, StringComparison.OrdinalIgnoreCase))
                return row[3] is long root and > 0 and <= uint.MaxValue
                    ? (uint)root
                    : throw new SqliteFormatException($"table '{name}' has no b-tree of its own (virtual table?)");
        }
        return null;
    }

    private List<SqliteRow> ReadTable(uint rootPage)
    {
        var rows = new List<SqliteRow>();
        var visited = new HashSet<uint>();
        var pending = new Stack<uint>();
        pending.Push(rootPage);
        while (pending.TryPop(out var number))
        {
            if (!visited.Add(number))
                throw new SqliteFormatException($"page {number} appears twice in one b-tree");
            var page = Page(number);
            var header = number == 1 ? FileHeaderSize : 0;
            var type = page[header];
            if (type is not (InteriorTablePage or LeafTablePage))
                throw new SqliteFormatException(
                    $"page {number} has b-tree page type 0x{type:x2}, not a table page (WITHOUT ROWID tables are not supported)");
            var cellCount = BinaryPrimitives.ReadUInt16BigEndian(page[(header + 3)..]);
            var pointers = header + (type == InteriorTablePage ? 12 : 8);
            if (pointers + 2 * cellCount > _usableSize)
                throw new SqliteFormatException($"page {number} claims more cells than fit in it");
            var cellOffsets = new int[cellCount];
            for (var i = 0; i < cellCount; i++)
                cellOffsets[i] = BinaryPrimitives.ReadUInt16BigEndian(page[(pointers + 2 * i)..]);
            if (type == LeafTablePage)
            {
                rows.AddRange(cellOffsets.Select(offset => ReadLeafCell(number, offset)));
                continue;
            }
            // Children are pushed last-first so that rows come out in rowid order.
            pending.Push(BinaryPrimitives.ReadUInt32BigEndian(page[(header + 8)..]));
            for (var i = cellOffsets.Length - 1; i >= 0; i--)
                pending.Push(BinaryPrimitives.ReadUInt32BigEndian(Within(page[.._usableSize], cellOffsets[i], 4, number)));
        }
        return rows;
    }

    // A leaf cell is: payload size (varint), rowid (varint), the local part of the payload, then — if the
    // payload did not fit — the first overflow page number.
    private SqliteRow ReadLeafCell(uint pageNumber, int offset)
    {
        var usable = Page(pageNumber)[.._usableSize];
        var position = offset;
        var payloadSize = SqliteVarint.Read(usable, ref position);
        var rowId = (long)SqliteVarint.Read(usable, ref position);
        // Every payload byte is stored once in the file, so the payloads read so far can never add up to more.
        if (payloadSize > (ulong)(_file.Length - _payloadBytesRead))
            throw new SqliteFormatException($"a cell on page {pageNumber} claims a {payloadSize}-byte payload, more than the file holds");
        _payloadBytesRead += (long)payloadSize;
        var payload = new byte[(int)payloadSize];
        var local = LocalPayloadSize(payload.Length);
        Within(usable, position, local, pageNumber).CopyTo(payload);
        if (local < payload.Length)
            ReadOverflowChain(BinaryPrimitives.ReadUInt32BigEndian(Within(usable, position + local, 4, pageNumber)), payload.AsSpan(local));
        return new SqliteRow(rowId, SqliteRecord.Decode(payload));
    }

    // The spec's formula for how much of a table-leaf payload stays on the b-tree page.
    private int LocalPayloadSize(int payloadSize)
    {
        var maxLocal = _usableSize - 35;
        if (payloadSize <= maxLocal)
            return payloadSize;
        var minLocal = (_usableSize - 12) * 32 / 255 - 23;
        var local = minLocal + (payloadSize - minLocal) % (_usableSize - 4);
        return local <= maxLocal ? local : minLocal;
    }

    // Each overflow page holds the next page's number (0 on the last) and then usable-size − 4 payload bytes.
    private void ReadOverflowChain(uint next, Span<byte> remaining)
    {
        while (!remaining.IsEmpty)
        {
            if (next == 0)
                throw new SqliteFormatException("an overflow chain ends before its payload does");
            var page = Page(next);
            var chunk = Math.Min(remaining.Length, _usableSize - 4);
            page.Slice(4, chunk).CopyTo(remaining);
            remaining = remaining[chunk..];
            next = BinaryPrimitives.ReadUInt32BigEndian(page);
        }
    }

    private ReadOnlySpan<byte> Page(uint number) =>
        number >= 1 && number <= _pageCount
            ? _file.AsSpan((int)((number - 1) * (long)_pageSize), _pageSize)
            : throw new SqliteFormatException(
                $"page {number} is referenced but the file has {_pageCount} pages (truncated or corrupt)");

    private static ReadOnlySpan<byte> Within(ReadOnlySpan<byte> usable, int offset, int length, uint pageNumber) =>
        offset >= 0 && offset <= usable.Length - length
            ? usable.Slice(offset, length)
            : throw new SqliteFormatException($"a cell on page {pageNumber} runs past the end of the page");
}
