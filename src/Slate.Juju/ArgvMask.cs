namespace Slate.Juju;

/// <summary>Masks the value of any password-like flag (<c>--password x</c>, <c>--password=x</c>) before argv is shown.</summary>
internal static class ArgvMask
{
    private const string Masked = "***";
    private static readonly string[] SecretWords = ["password", "secret", "token", "api-key"];

    public static IReadOnlyList<string> Apply(IReadOnlyList<string> argv)
    {
        var result = new string[argv.Count];
        var maskNext = false;
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (maskNext)
            {
                result[i] = Masked;
                maskNext = false;
                continue;
            }
            var isFlag = arg.StartsWith('-');
            var equals = arg.IndexOf('=');
            var flag = equals >= 0 ? arg[..equals] : arg;
            if (isFlag && IsSecret(flag))
            {
                result[i] = equals >= 0 ? flag + "=" + Masked : arg;
                maskNext = equals < 0;
            }
            else
            {
                result[i] = arg;
            }
        }
        return result;
    }

    private static bool IsSecret(string flag) => SecretWords.Any(w => flag.Contains(w, StringComparison.OrdinalIgnoreCase));
}
