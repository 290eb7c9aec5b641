namespace Slate.Lab.Cloud;

/// <summary>The lab's randomness: tokens for system ids and secrets, and forks for the faults.</summary>
public sealed class LabIds(Random random)
{
    private const string Alphabet = "abcdefghkmnpqrstwxy0123456789";
    private readonly Lock _gate = new();

    /// <summary>A random token from MAAS's system-id alphabet (system ids, API keys, the lab's power password).</summary>
    public string Token(int length)
    {
        lock (_gate) return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    /// <summary>A new Random seeded from the lab's, so a lab built with a seeded Random draws its faults reproducibly.</summary>
    public Random Fork()
    {
        lock (_gate) return new Random(random.Next());
    }
}
