using System.Text.RegularExpressions;

namespace UserGroupClient.Http;

/// <summary>
/// Masks secrets in text that is shown (exception fields, log lines): the client's <see cref="KnownSecrets"/> in any
/// escaping, values of secret keys (<see cref="SecretKeys"/>) in JSON-like and form text, OAuth codes, and
/// credentials after an authorization scheme word. A parsed JSON body is masked value by value instead
/// (<see cref="JsonSecretMasker"/>), which calls this for each of its strings.
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every secret it shows masked.</summary>
    public static string Redact(string text, KnownSecrets? known = null)
    {
        var spans = new MaskSpans();
        known?.FindIn(text, spans);
        AddValues(JsonSecretValue(), text, spans);
        AddValues(JsonCredentialCode(), text, spans);
        AddValues(FormSecretValue(), text, spans);
        AddValues(SchemeCredential(), text, spans);
        if (known is not null && SchemeWord().IsMatch(text))
        {
            foreach (Match scheme in SchemeWord().Matches(text))
            {
                // A short known value ("admin") is masked after a scheme word only, where it can only be a credential.
                var start = scheme.Index + scheme.Length;
                spans.Add(start, known.FindShortAt(text, start));
            }
        }

        return spans.Apply(text);
    }

    private static void AddValues(Regex pattern, string text, MaskSpans spans)
    {
        // Most texts hold no match; looking first allocates nothing.
        if (!pattern.IsMatch(text))
        {
            return;
        }

        foreach (Match match in pattern.Matches(text))
        {
            if (match.Groups["inner"] is { Success: true } inner)
            {
                spans.Add(inner.Index, inner.Index + inner.Length);
            }
            else if (match.Groups["whole"] is { Success: true } whole)
            {
                spans.Add(whole.Index, whole.Index + whole.Length, "\"" + Mask + "\"");
            }
        }
    }

    // A value of a secret key in JSON, a Python dict's repr or JSON left escaped inside another string; a value the
    // text ends in the middle of is masked to the end.
    [GeneratedRegex(
        "\\\\?[\"'](?:" + SecretKeys.Name + ")\\\\?[\"']\\s*:\\s*(?:\\\\?\"(?<inner>(?:[^\"\\\\]|\\\\.)*)(?:\"|$)|'(?<inner>(?:[^'\\\\]|\\\\.)*)(?:'|$)|(?<whole>\\[(?>[^\\[\\]]*)(?:\\]|$)|\\{(?>[^{}]*)(?:\\}|$)|(?!(?:null|true|false)\\b)[^,}\\]\\s]+))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretValue();

    [GeneratedRegex("\"code\"\\s*:\\s*\"(?<inner>(?=[^\"]*[0-9])[A-Za-z0-9._~+/=-]{16,})\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonCredentialCode();

    // A form or query value, a Java or Python keyword repr (password=x, password='x'), a header parameter
    // (signature="…"). A value ends at markup too: an echo inside an HTML page must not swallow the text after it.
    [GeneratedRegex(
        "(?<![A-Za-z0-9_-])(?:" + SecretKeys.Name + ")=(?:\"(?<inner>[^\"]*)\"?|'(?<inner>[^']*)'?|(?<inner>[^&\\s\"',;<>]+))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormSecretValue();

    // A credential after a scheme word; a plain word ("Basic authentication failed.") is prose and stays.
    [GeneratedRegex(
        "\\b(?:Bearer|Basic|Token|JWT)\\s+(?<inner>(?!(?-i:[A-Z]?[a-z]+)[.,;:!?)]*(?:\\s|$))[A-Za-z0-9._~+/=-]{8,})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex("\\b(?:Bearer|Basic|Token|JWT)\\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeWord();
}
