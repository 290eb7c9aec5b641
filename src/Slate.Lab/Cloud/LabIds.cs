using System.Security.Cryptography;

namespace Slate.Lab.Cloud;

/// <summary>
/// The lab's randomness: tokens for system ids, and forks for the faults, from one Random a seed makes reproducible.
/// Secrets never come from it (a seed given on a command line must not reveal the API key).
/// </summary>
public sealed class LabIds(Random random)
{
    private const string Alphabet = "abcdefghkmnpqrstwxy0123456789";
    private readonly Lock _gate = new();

    /// <summary>A random token from MAAS's system-id alphabet (system ids, composed hostnames).</summary>
    public string Token(int length)
    {
        lock (_gate) return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    /// <summary>A secret in the same alphabet from the system's cryptographic generator (API keys, the lab token, the power password).</summary>
    public static string Secret(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>A new Random seeded from the lab's, so a lab built with a seeded Random draws its faults reproducibly.</summary>
    public Random Fork()
    {
        lock (_gate) return new Random(random.Next());
    }
}
