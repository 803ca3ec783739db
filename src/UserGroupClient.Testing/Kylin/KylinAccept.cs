using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// A request's <c>Accept</c> header as Spring MVC's content negotiation reads it: media ranges in the order sent, those
/// with <c>q=0</c> left out; no header at all means <c>*/*</c>.
/// </summary>
internal sealed class KylinAccept
{
    private readonly List<string> _ranges;

    private KylinAccept(string raw, List<string> ranges)
    {
        Raw = raw;
        _ranges = ranges;
    }

    /// <summary>The header as sent (comma-joined when repeated).</summary>
    public string Raw { get; }

    public static KylinAccept From(HttpRequest request)
    {
        var raw = request.Headers.Accept.ToString();
        var ranges = new List<string>();
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var refused = pieces.Skip(1).Any(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) && q <= 0);
            if (!refused && pieces[0].Length > 0)
            {
                ranges.Add(pieces[0].ToLowerInvariant());
            }
        }

        if (ranges.Count == 0 && raw.Trim().Length == 0)
        {
            ranges.Add("*/*");
        }

        return new KylinAccept(raw, ranges);
    }

    /// <summary>Whether the header is exactly this one type (Kylin 5's v2 filter compares the whole header).</summary>
    public bool IsExactly(string mediaType) => Raw.Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How well a handler producing <paramref name="mediaType"/> matches: <see langword="null"/> when it does not;
    /// otherwise lower is better, an explicit type before a wildcard, earlier ranges before later ones.
    /// </summary>
    public int? Rank(string mediaType)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var typeWildcard = mediaType[..slash] + "/*";
        for (var i = 0; i < _ranges.Count; i++)
        {
            if (_ranges[i] == mediaType)
            {
                return i;
            }
        }

        for (var i = 0; i < _ranges.Count; i++)
        {
            if (_ranges[i] == typeWildcard || _ranges[i] == "*/*" || _ranges[i] == "*")
            {
                return 1000 + i;
            }
        }

        return null;
    }

    public bool Accepts(string mediaType) => Rank(mediaType) is not null;
}
