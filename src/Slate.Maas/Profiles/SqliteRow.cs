namespace Slate.Maas.Profiles;

/// <summary>
/// One row of a rowid table. An INTEGER PRIMARY KEY column is stored as NULL in <see cref="Values"/>; its value is
/// <see cref="RowId"/>. Values are null, long, double, string (TEXT) or byte[] (BLOB).
/// </summary>
internal sealed record SqliteRow(long RowId, IReadOnlyList<object?> Values)
{
    /// <summary>The value of column <paramref name="index"/>; columns added after the row was written read as NULL.</summary>
    public object? this[int index] => index < Values.Count ? Values[index] : null;
}
