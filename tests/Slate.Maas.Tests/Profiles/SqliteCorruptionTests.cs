using System.Buffers.Binary;
using Slate.Maas.Errors;
using Slate.Maas.Profiles;

namespace Slate.Maas.Tests.Profiles;

/// <summary>
/// One corruption at a time, at the byte a guard of the reader protects (layout: sqlite.org/fileformat2.html §1.3,
/// §1.6). two-profiles.db (4096-byte pages, 103 pages): page 1 the schema leaf, page 2 the interior root of profiles
/// with one cell (child 102) and right child 103, both leaves spilling into overflow chains (3..52 and 53..101).
/// Each damaged file gives rows or a one-line <see cref="MaasConfigurationException"/>, and the last allowed value of a
/// field still reads past the guard that refuses the next one.
/// </summary>
public sealed class SqliteCorruptionTests : IDisposable
{
    private const int PageSize = 4096;
    private const int RootPage = 2;
    private const int LastPage = 103;
    private const int LastLeafCell = 77;

    private readonly ProfileFiles _files = new();
    private readonly byte[] _original = File.ReadAllBytes(ProfileFiles.Fixture("two-profiles.db"));

    public void Dispose() => _files.Dispose();

    private static int At(int page, int offset) => (page - 1) * PageSize + offset;

    private byte[] Copy() => (byte[])_original.Clone();

    /// <summary>The rows read, or the reader's error; any other exception (a crash) fails the test.</summary>
    private string Outcome(byte[] file, string table = "profiles")
    {
        var path = _files.Scratch("damaged.db", file);
        try
        {
            return $"{SqliteTableReader.ReadRows(path, table).Count} rows";
        }
        catch (MaasConfigurationException e)
        {
            Assert.StartsWith(path, e.Message);
            Assert.DoesNotContain('\n', e.Message);
            return e.Message[(path.Length + 1)..];
        }
    }

    private static byte[] With(byte[] file, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(offset), value);
        return file;
    }

    private static byte[] WithCellCount(byte[] file, int page, int header, ushort count)
    {
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(At(page, header + 3)), count);
        return file;
    }

    [Fact]
    public void The_undamaged_file_reads_both_profiles()
    {
        Assert.Equal("2 rows", Outcome(Copy()));
    }

    [Theory]
    [InlineData(LastPage + 1)]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    public void A_child_page_outside_the_file_is_named(uint child)
    {
        var outcome = Outcome(With(Copy(), At(RootPage, 8), child));

        Assert.Equal($"is not a readable SQLite database: page {child} is referenced but the file has {LastPage} pages (truncated or corrupt).", outcome);
    }

    [Theory]
    [InlineData(102u, 102u)]
    [InlineData(RootPage, RootPage)]
    public void A_page_reached_twice_is_refused_rather_than_read_in_a_loop(uint rightChild, uint repeated)
    {
        var outcome = Outcome(With(Copy(), At(RootPage, 8), rightChild));

        Assert.Equal($"is not a readable SQLite database: page {repeated} appears twice in one b-tree.", outcome);
    }

    [Theory]
    [InlineData(0x0a)]
    [InlineData(0x02)]
    [InlineData(0x00)]
    public void A_page_that_is_not_a_table_page_is_refused_by_type(byte type)
    {
        var file = Copy();
        file[At(RootPage, 0)] = type;

        Assert.Equal(
            $"is not a readable SQLite database: page 2 has b-tree page type 0x{type:x2}, not a table page (WITHOUT ROWID tables are not supported).",
            Outcome(file));
    }

    // The cell pointer array starts after the page header (8 bytes on a leaf, 12 on an interior page, plus the
    // 100-byte file header on page 1) and must end within the usable 4096 bytes.
    [Theory]
    [InlineData(1, 100, 1994)]
    [InlineData(RootPage, 0, 2042)]
    [InlineData(LastPage, 0, 2044)]
    public void A_cell_count_is_refused_only_once_the_pointers_would_pass_the_page_end(int page, int header, int mostThatFit)
    {
        var atLimit = Outcome(WithCellCount(Copy(), page, header, (ushort)mostThatFit));
        var pastLimit = Outcome(WithCellCount(Copy(), page, header, (ushort)(mostThatFit + 1)));

        Assert.DoesNotContain("claims more cells", atLimit);
        Assert.Equal($"is not a readable SQLite database: page {page} claims more cells than fit in it.", pastLimit);
    }

    [Fact]
    public void An_interior_cell_may_end_at_the_last_byte_of_the_page_but_not_after_it()
    {
        var lastFit = Copy();
        BinaryPrimitives.WriteUInt16BigEndian(lastFit.AsSpan(At(RootPage, 12)), PageSize - 4);
        var pastEnd = Copy();
        BinaryPrimitives.WriteUInt16BigEndian(pastEnd.AsSpan(At(RootPage, 12)), PageSize - 3);

        Assert.DoesNotContain("runs past the end of the page", Outcome(lastFit));
        Assert.Equal("is not a readable SQLite database: a cell on page 2 runs past the end of the page.", Outcome(pastEnd));
    }

    [Fact]
    public void An_interior_cell_at_offset_zero_is_read_from_the_first_bytes_of_the_page()
    {
        var file = Copy();
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(At(RootPage, 12)), 0);
        var child = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(At(RootPage, 0)));

        Assert.Equal($"is not a readable SQLite database: page {child} is referenced but the file has {LastPage} pages (truncated or corrupt).", Outcome(file));
    }

    [Fact]
    public void A_file_of_exactly_the_header_passes_the_header_check_and_has_no_pages()
    {
        var file = With(_original[..100], 28, 0);

        Assert.Equal("is not a readable SQLite database: page 1 is referenced but the file has 0 pages (truncated or corrupt).", Outcome(file));
    }

    // Payload sizes read before the last leaf's cell: both schema rows on page 1, then the row on leaf 102.
    private long PayloadReadBeforeLastLeaf()
    {
        long total = 0;
        foreach (var cell in (ReadOnlySpan<int>)[At(1, 108), At(1, 110), At(102, 8)])
        {
            var offset = At(cell <= PageSize ? 1 : 102, BinaryPrimitives.ReadUInt16BigEndian(_original.AsSpan(cell)));
            total += (long)SqliteVarint.Read(_original, ref offset);
        }
        return total;
    }

    private byte[] WithLastLeafPayloadSize(long size)
    {
        Assert.InRange(size, 1 << 14, (1 << 21) - 1);
        Assert.Equal(0x80, _original[At(LastPage, LastLeafCell + 1)] & 0x80);
        Assert.Equal(0, _original[At(LastPage, LastLeafCell + 2)] & 0x80);
        var file = Copy();
        file[At(LastPage, LastLeafCell)] = (byte)(0x80 | size >> 14);
        file[At(LastPage, LastLeafCell + 1)] = (byte)(0x80 | (size >> 7 & 0x7f));
        file[At(LastPage, LastLeafCell + 2)] = (byte)(size & 0x7f);
        return file;
    }

    [Fact]
    public void A_payload_larger_than_what_the_file_has_left_is_refused_before_it_is_allocated()
    {
        var left = _original.Length - PayloadReadBeforeLastLeaf();

        var allLeft = Outcome(WithLastLeafPayloadSize(left));
        var oneMore = Outcome(WithLastLeafPayloadSize(left + 1));

        Assert.DoesNotContain("more than the file holds", allLeft);
        Assert.Equal($"is not a readable SQLite database: a cell on page {LastPage} claims a {left + 1}-byte payload, more than the file holds.", oneMore);
    }

    [Fact]
    public void An_overflow_chain_that_ends_early_is_refused()
    {
        Assert.Equal(
            "is not a readable SQLite database: an overflow chain ends before its payload does.",
            Outcome(With(Copy(), At(100, 0), 0)));
    }

    [Fact]
    public void An_overflow_chain_leading_out_of_the_file_is_refused()
    {
        Assert.Equal(
            $"is not a readable SQLite database: page {LastPage + 1} is referenced but the file has {LastPage} pages (truncated or corrupt).",
            Outcome(With(Copy(), At(100, 0), LastPage + 1)));
    }

    // Header bytes 28..31 (page count) count only while 92..95 (version-valid-for) equal 24..27 (change counter).
    [Theory]
    [InlineData(LastPage, "2 rows")]
    [InlineData(0u, "2 rows")]
    [InlineData(LastPage - 1, "is not a readable SQLite database: page 103 is referenced but the file has 102 pages (truncated or corrupt).")]
    [InlineData(LastPage + 1, "is not a readable SQLite database: it is truncated: its header declares 104 pages of 4096 bytes but the file has 421888 bytes.")]
    public void A_trusted_page_count_bounds_the_pages_read(uint declared, string expected)
    {
        Assert.Equal(expected, Outcome(With(Copy(), 28, declared)));
    }

    [Fact]
    public void A_stale_page_count_is_ignored()
    {
        var file = With(Copy(), 28, LastPage + 1);
        With(file, 92, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(24)) + 1);

        Assert.Equal("2 rows", Outcome(file));
    }

    [Theory]
    [InlineData(0u, "2 rows")]
    [InlineData(1u, "2 rows")]
    [InlineData(2u, "is not a readable SQLite database: its text encoding is UTF-16le; only UTF-8 is supported.")]
    [InlineData(3u, "is not a readable SQLite database: its text encoding is UTF-16be; only UTF-8 is supported.")]
    [InlineData(4u, "is not a readable SQLite database: its text encoding is unknown (4); only UTF-8 is supported.")]
    public void Only_utf8_text_is_read(uint encoding, string expected)
    {
        Assert.Equal(expected, Outcome(With(Copy(), 56, encoding)));
    }

    // 512-byte pages leave 480 usable bytes with 32 reserved (the format's minimum); 33 reserved is refused.
    [Fact]
    public void Reserved_space_may_leave_exactly_480_usable_bytes()
    {
        var smallPages = File.ReadAllBytes(ProfileFiles.Fixture("many-rows.db"));
        var most = (byte[])smallPages.Clone();
        most[20] = 32;
        var tooMany = (byte[])smallPages.Clone();
        tooMany[20] = 33;

        Assert.DoesNotContain("reserved-space", Outcome(most));
        Assert.Equal("is not a readable SQLite database: its header has invalid reserved-space or payload-fraction bytes.", Outcome(tooMany));
    }

    // serial-types.db's schema row: payload size, rowid, then the record (header, "table", "samples", "samples", rootpage).
    private static int RootPageValueOffset(byte[] file)
    {
        int offset = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(108));
        SqliteVarint.Read(file, ref offset);
        SqliteVarint.Read(file, ref offset);
        var record = offset;
        var headerSize = (int)SqliteVarint.Read(file, ref offset);
        var textBytes = 0;
        for (var column = 0; column < 3; column++)
            textBytes += (int)(SqliteVarint.Read(file, ref offset) - 13) / 2;
        Assert.Equal(1UL, SqliteVarint.Read(file, ref offset));
        return record + headerSize + textBytes;
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xff)]
    public void A_table_without_a_root_page_of_its_own_is_refused(byte rootPage)
    {
        var file = File.ReadAllBytes(ProfileFiles.Fixture("serial-types.db"));
        var at = RootPageValueOffset(file);
        Assert.Equal(2, file[at]);
        file[at] = rootPage;

        Assert.Equal("is not a readable SQLite database: table 'samples' has no b-tree of its own (virtual table?).", Outcome(file, "samples"));
    }

    [Fact]
    public void The_table_name_matches_without_regard_to_case_as_in_sqlite()
    {
        Assert.Equal("12 rows", Outcome(File.ReadAllBytes(ProfileFiles.Fixture("serial-types.db")), "SAMPLES"));
    }
}
