using System.Buffers;

namespace UserGroupClient.Http;

/// <summary>
/// The exact secret values one client holds: those of its configured credentials, a fixed set, and for each credential
/// the server issues it (a token, a refresh token, an OAuth code) the live value and the one it replaced, which a
/// request still in flight may carry. Renewals replace values instead of adding them, so the set stays small however
/// long the client lives. Servers sometimes echo a credential without a label ("token abc is invalid"), which no
/// pattern catches, so <see cref="SecretRedactor"/> also looks for these values, in whatever escaping
/// (<see cref="EscapedText"/>). Thread-safe; reads take no lock.
/// </summary>
internal sealed class KnownSecrets
{
    /// <summary>
    /// Values at least this long are masked wherever they appear. Shorter ones ("admin") would blank ordinary words,
    /// so they are masked only where a credential can appear: as a whole value, or after an authorization scheme word.
    /// </summary>
    public const int MinimumSearchedLength = 6;

    private readonly object _gate = new();
    private readonly string[] _configured;
    private readonly Dictionary<string, (string Live, string? Previous)> _issued = new(StringComparer.Ordinal);
    private Entry[] _entries;

    /// <summary>Creates the set with the configured secrets; blank values are ignored.</summary>
    public KnownSecrets(IEnumerable<string?> configured)
    {
        _configured = [.. configured.Where(value => !string.IsNullOrEmpty(value)).Cast<string>()];
        _entries = Build();
    }

    /// <summary>How many distinct values are held.</summary>
    public int Count => Volatile.Read(ref _entries).Length;

    /// <summary>
    /// Records the value just issued for <paramref name="credential"/> (a name the caller picks, such as
    /// "access_token"): it becomes the live value, the live one becomes the previous, and the one before is forgotten.
    /// A blank value changes nothing.
    /// </summary>
    public void Renew(string credential, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            // A credential seen for the first time has no slot: the default one, whose live value is null.
            _issued.TryGetValue(credential, out var slot);
            if (slot.Live == value)
            {
                return;
            }

            _issued[credential] = (value, slot.Live);
            Volatile.Write(ref _entries, Build());
        }
    }

    /// <summary>Adds the range of every occurrence of a value of at least <see cref="MinimumSearchedLength"/> characters in <paramref name="text"/>.</summary>
    public void FindIn(string text, MaskSpans spans)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (!entry.Searched)
            {
                continue;
            }

            var at = 0;
            int next;
            while ((next = text.AsSpan(at).IndexOfAny(entry.Starters)) >= 0)
            {
                var start = at + next;
                if (EscapedText.TryMatch(text, start, entry.Value, out var end))
                {
                    spans.Add(start, end);
                    at = end;
                }
                else
                {
                    at = start + 1;
                }
            }
        }
    }

    /// <summary>Whether the whole of <paramref name="text"/> reads as one of the values, short ones included.</summary>
    public bool IsWholeValue(string text)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (EscapedText.TryMatch(text, 0, entry.Value, out var end) && end == text.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a value shorter than <see cref="MinimumSearchedLength"/> that starts at <paramref name="start"/> ends,
    /// when it is a whole word there (neither a letter nor a digit follows it); -1 when none does.
    /// </summary>
    public int FindShortAt(string text, int start)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (!entry.Searched && EscapedText.TryMatch(text, start, entry.Value, out var end) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return end;
            }
        }

        return -1;
    }

    private Entry[] Build()
    {
        var values = _configured.Concat(_issued.Values.SelectMany(slot => new[] { slot.Live, slot.Previous }))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        return [.. values.Select(value => new Entry(value, value.Length >= MinimumSearchedLength, SearchValues.Create(EscapedText.Starters(value))))];
    }

    private sealed record Entry(string Value, bool Searched, SearchValues<char> Starters);
}
