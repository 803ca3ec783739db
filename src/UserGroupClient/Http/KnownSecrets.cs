using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>
/// The exact secret values one client holds: its configured credentials and the tokens it has been issued. Servers
/// sometimes echo a credential without a recognisable label ("token abc is invalid"), which no pattern catches, so error
/// text is also searched for these values, raw and in their JSON- and URL-escaped forms. Thread-safe; reads take no lock.
/// </summary>
internal sealed class KnownSecrets
{
    // Shorter values would mask ordinary words; real credentials are longer.
    private const int MinimumLength = 6;

    private readonly object _gate = new();
    private string[] _values = [];

    /// <summary>Remembers a secret; blank and very short values are ignored.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        var forms = new[] { secret, JsonEncodedText.Encode(secret).ToString(), Uri.EscapeDataString(secret) };
        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            Volatile.Write(ref _values, [.. _values.Union(forms, StringComparer.Ordinal).OrderByDescending(value => value.Length)]);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every known secret replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var value in Volatile.Read(ref _values))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, SecretRedactor.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
