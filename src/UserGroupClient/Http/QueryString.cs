using System.Globalization;
using System.Text;

namespace UserGroupClient.Http;

/// <summary>Builds a query string with every name and value percent-encoded (RFC 3986 unreserved characters stay as they are).</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <c>name=value</c>; a <see langword="null"/> value adds nothing.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds <c>name=value</c> for a number; a <see langword="null"/> value adds nothing.</summary>
    public QueryString Add(string name, int? value) =>
        value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The query string with its leading <c>?</c>, or an empty string.</summary>
    public override string ToString() => _text.ToString();
}
