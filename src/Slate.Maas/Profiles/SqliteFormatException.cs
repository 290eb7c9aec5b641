namespace Slate.Maas.Profiles;

/// <summary>The bytes are not an SQLite 3 database this reader understands; the caller names the file.</summary>
internal sealed class SqliteFormatException(string message) : Exception(message);
