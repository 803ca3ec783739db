using System.Text.RegularExpressions;

namespace UserGroupClient.Http;

/// <summary>
/// The names under which a value is a credential, whatever it holds: a key is secret when it contains one of
/// <see cref="Words"/> (<c>password</c>, <c>new_password2</c>, <c>refresh_token</c>, <c>accessToken</c>,
/// <c>HTTP_AUTHORIZATION</c>, …), in any case. One list serves parsed JSON and the patterns run over text.
/// </summary>
internal static partial class SecretKeys
{
    /// <summary>The words, as a regular-expression alternation (matched case-insensitively).</summary>
    public const string Words =
        "password|passwd|passphrase|secret|token|jwt|signature|authorization|credential|cookie|session[_-]?id|api[_-]?key|access[_-]?key|private[_-]?key";

    /// <summary>
    /// A secret key as the text patterns find it: the word with at most 40 key characters (letters, digits, <c>_</c>,
    /// <c>-</c>) on either side. Bounded, so that a pattern tried at every letter of a long run stays linear.
    /// </summary>
    public const string Name = "[A-Za-z0-9_-]{0,40}?(?:" + Words + ")[A-Za-z0-9_-]{0,40}";

    /// <summary>Whether a value under <paramref name="key"/> is a credential.</summary>
    public static bool IsSecret(string key) => SecretWord().IsMatch(key);

    /// <summary>
    /// Whether <paramref name="value"/>, under <paramref name="key"/>, looks like an OAuth authorization code. "code" is
    /// also the error code of most vendors' envelopes ("999", 500, "not_authenticated"), which must stay readable; an
    /// authorization code is a long opaque string with digits, and only such a value is taken for one.
    /// </summary>
    public static bool IsAuthorizationCode(string key, string value) =>
        key.Equals("code", StringComparison.OrdinalIgnoreCase) && AuthorizationCode().IsMatch(value);

    [GeneratedRegex(Words, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWord();

    [GeneratedRegex("^(?=[^0-9]*[0-9])[A-Za-z0-9._~+/=-]{16,}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationCode();
}
