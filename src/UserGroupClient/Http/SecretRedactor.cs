using System.Text.RegularExpressions;

namespace UserGroupClient.Http;

/// <summary>
/// Removes secrets from text that may reach exceptions or logs: JSON and form values of secret-bearing keys,
/// and credential-like values after an authorization scheme word (short words are left, so "Invalid token header."
/// stays readable).
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "***";

    private const string SecretKeys =
        "password|passwd|secret|client_secret|token|access_token|refresh_token|private_token|jwt|signature|authorization|api_key|apikey|access_key|secret_key|cookie|sessionid";

    /// <summary>Returns <paramref name="text"/> with secret values masked: the client's <paramref name="known"/> values, then the patterns.</summary>
    public static string Redact(string text, KnownSecrets? known = null)
    {
        if (known is not null)
        {
            text = known.Redact(text);
        }

        if (text.Length == 0)
        {
            return text;
        }

        text = JsonSecretValue().Replace(text, m => m.Groups["head"].Value + "\"" + Mask + "\"");
        text = JsonCredentialCode().Replace(text, m => m.Groups["head"].Value + "\"" + Mask + "\"");
        text = FormSecretValue().Replace(text, m => m.Groups["head"].Value + Mask);
        return SchemeCredentials().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
    }

    [GeneratedRegex("(?<head>\"(?:[A-Za-z_]*_)?(?:" + SecretKeys + ")\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretValue();

    // A form value ends at markup too: an echo inside an HTML page must not swallow the text after it (and with it a
    // scheme word whose credential would then be left in the clear).
    [GeneratedRegex("(?<head>(?<![A-Za-z0-9_])(?:" + SecretKeys + ")=)(?:\"[^\"]*\"|[^&\\s\"',;<>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormSecretValue();

    // "code" is the error code of most vendors' envelopes ("999", 500, "not_authenticated") and must stay readable; an
    // OAuth authorization code is a long opaque string with digits, and only such a value is masked.
    [GeneratedRegex("(?<head>\"code\"\\s*:\\s*)\"(?=[^\"]*[0-9])[A-Za-z0-9._~+/=-]{16,}\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonCredentialCode();

    [GeneratedRegex("(?<scheme>\\b(?:Bearer|Basic|Token|JWT))\\s+(?!\\*\\*\\*)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredentials();
}
