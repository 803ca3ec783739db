using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Reads the RFC 8941 structured fields that HTTP message signatures use: the <c>Signature-Input</c> and
/// <c>Signature</c> dictionaries, a <c>Content-Digest</c> dictionary and a single component identifier. Bare items are
/// <see cref="long"/> (integer), <see cref="decimal"/>, <see cref="string"/>, <see cref="StructuredToken"/>,
/// <see cref="byte"/>[] (byte sequence) and <see cref="bool"/>.
/// </summary>
internal ref struct StructuredFieldParser
{
    private static readonly SearchValues<char> Base64Characters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public StructuredFieldParser(ReadOnlySpan<char> text) => _text = text;

    /// <summary>Parses a whole dictionary field value (RFC 8941 §4.2.2); a repeated key keeps its place and takes the later value.</summary>
    /// <exception cref="FormatException">The value is not a dictionary.</exception>
    public static List<KeyValuePair<string, StructuredMember>> ParseDictionary(string text)
    {
        var parser = new StructuredFieldParser(text);
        var members = new List<KeyValuePair<string, StructuredMember>>();
        parser.SkipSpaces();
        while (!parser.AtEnd)
        {
            var key = parser.ReadKey();
            StructuredMember member;
            if (parser.TryConsume('='))
            {
                member = parser.ReadMember();
            }
            else
            {
                // Stryker disable once Boolean : a member's value is only ever tested for being an inner list or a byte sequence, so no caller reads which boolean it is
                member = new StructuredMember(true, null, parser.ReadParameters());
            }

            var index = members.FindIndex(m => m.Key == key);
            if (index >= 0)
            {
                members[index] = new(key, member);
            }
            else
            {
                members.Add(new(key, member));
            }

            parser.SkipWhitespace();
            if (parser.AtEnd)
            {
                break;
            }

            parser.Expect(',');
            parser.SkipWhitespace();
            if (parser.AtEnd)
            {
                throw Malformed();
            }
        }

        return members;
    }

    /// <summary>Parses one item with its parameters, nothing before or after it (RFC 8941 §4.2.3).</summary>
    /// <exception cref="FormatException">The text is not a single item.</exception>
    public static StructuredItem ParseItem(string text)
    {
        var parser = new StructuredFieldParser(text);
        var item = parser.ReadItem();
        if (!parser.AtEnd)
        {
            throw Malformed();
        }

        return item;
    }

    /// <summary>Whether <paramref name="text"/> can be sent as an sf-string: printable ASCII only.</summary>
    public static bool IsValidString(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="text"/> as an sf-string: quoted, with <c>"</c> and <c>\</c> escaped.</summary>
    public static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    /// <summary>Writes parameters (<c>;key=value</c>, a true boolean as the bare key) in their order.</summary>
    public static void AppendParameters(StringBuilder builder, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        foreach (var parameter in parameters)
        {
            builder.Append(';').Append(parameter.Key);
            if (parameter.Value is not true)
            {
                builder.Append('=');
                AppendBareItem(builder, parameter.Value);
            }
        }
    }

    /// <summary>Writes a bare item in its canonical form (RFC 8941 §4.1.3); a true boolean only ever appears as a parameter, written by <see cref="AppendParameters"/> as the bare key.</summary>
    public static void AppendBareItem(StringBuilder builder, object value)
    {
        switch (value)
        {
            case long integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal number:
                var rounded = decimal.Round(number, 3, MidpointRounding.ToEven);
                builder.Append(rounded.ToString("0.0##", CultureInfo.InvariantCulture));
                break;
            case string text:
                AppendString(builder, text);
                break;
            case StructuredToken token:
                builder.Append(token.Value);
                break;
            case byte[] bytes:
                builder.Append(':').Append(Convert.ToBase64String(bytes)).Append(':');
                break;
            case false:
                builder.Append("?0");
                break;
            default:
                // Stryker disable once Statement,String : the parser yields only the bare item types handled above, and a true one is written only as a bare parameter key, so this throw is unreachable from received fields
                throw new ArgumentException("Not a structured field bare item.", nameof(value));
        }
    }

    private readonly bool AtEnd => _position >= _text.Length;

    // Stryker disable once String : every caller catches this and reports its own outcome (MalformedSignature, a digest mismatch, or an error naming the component)
    private static FormatException Malformed() => new("The value is not a valid structured field.");

    private StructuredMember ReadMember()
    {
        if (Peek() != '(')
        {
            var item = ReadItem();
            return new StructuredMember(item.Value, null, item.Parameters);
        }

        _position++;
        var items = new List<StructuredItem>();
        while (true)
        {
            SkipSpaces();
            if (TryConsume(')'))
            {
                return new StructuredMember(null, items, ReadParameters());
            }

            items.Add(ReadItem());
            if (Peek() is not (' ' or ')'))
            {
                throw Malformed();
            }
        }
    }

    private StructuredItem ReadItem()
    {
        var value = ReadBareItem();
        return new StructuredItem(value, ReadParameters());
    }

    private List<KeyValuePair<string, object>> ReadParameters()
    {
        var parameters = new List<KeyValuePair<string, object>>();
        while (TryConsume(';'))
        {
            SkipSpaces();
            var key = ReadKey();
            object value = TryConsume('=') ? ReadBareItem() : true;
            var index = parameters.FindIndex(p => p.Key == key);
            if (index >= 0)
            {
                parameters[index] = new(key, value);
            }
            else
            {
                parameters.Add(new(key, value));
            }
        }

        return parameters;
    }

    private object ReadBareItem()
    {
        var c = Peek();
        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        return c switch
        {
            '"' => ReadString(),
            ':' => ReadByteSequence(),
            '?' => ReadBoolean(),
            _ when char.IsAsciiLetter(c) || c == '*' => ReadToken(),
            _ => throw Malformed(),
        };
    }

    private object ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        var dot = -1;
        while (!AtEnd && (char.IsAsciiDigit(_text[_position]) || (_text[_position] == '.' && dot == -1)))
        {
            if (_text[_position] == '.')
            {
                dot = _position;
            }

            _position++;
        }

        var digits = _text[start.._position];

        // RFC 8941 §4.2.4 counts the digits without the sign: at most 15 for an integer, 12 before a decimal's point.
        var unsignedStart = _text[start] == '-' ? start + 1 : start;
        if (dot == -1)
        {
            if (_position - unsignedStart is 0 or > 15 || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                throw Malformed();
            }

            return integer;
        }

        if (dot == _position - 1 || _position - dot - 1 > 3 || dot - unsignedStart is 0 or > 12
            || !decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw Malformed();
        }

        return number;
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (!AtEnd)
        {
            var c = _text[_position++];
            if (c == '\\')
            {
                if (AtEnd || _text[_position] is not ('"' or '\\'))
                {
                    throw Malformed();
                }

                builder.Append(_text[_position++]);
            }
            else if (c == '"')
            {
                return builder.ToString();
            }
            else if (c is < ' ' or > '~')
            {
                throw Malformed();
            }
            else
            {
                builder.Append(c);
            }
        }

        throw Malformed();
    }

    private byte[] ReadByteSequence()
    {
        _position++;
        var end = _text[_position..].IndexOf(':');
        if (end < 0)
        {
            throw Malformed();
        }

        var base64 = _text.Slice(_position, end);
        _position += end + 1;

        // RFC 8941 §4.2.7: a character outside Base64's alphabet fails (the decoder would skip white space), and
        // missing "=" padding is made up rather than refused, as recipients should.
        if (base64.ContainsAnyExcept(Base64Characters) || base64.Length % 4 == 1)
        {
            throw Malformed();
        }

        var missing = (4 - (base64.Length % 4)) % 4;
        if (missing != 0)
        {
            base64 = string.Concat(base64, "==".AsSpan(0, missing));
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (!Convert.TryFromBase64Chars(base64, bytes, out var written))
        {
            throw Malformed();
        }

        return bytes[..written];
    }

    private bool ReadBoolean()
    {
        _position++;
        var value = AtEnd ? '\0' : _text[_position++];
        return value switch
        {
            '1' => true,
            '0' => false,
            _ => throw Malformed(),
        };
    }

    private StructuredToken ReadToken()
    {
        var start = _position++;
        while (!AtEnd && IsTokenChar(_text[_position]))
        {
            _position++;
        }

        return new StructuredToken(_text[start.._position].ToString());
    }

    private string ReadKey()
    {
        var c = Peek();
        if (!char.IsAsciiLetterLower(c) && c != '*')
        {
            throw Malformed();
        }

        var start = _position++;
        while (!AtEnd && (char.IsAsciiLetterLower(_text[_position]) || char.IsAsciiDigit(_text[_position]) || _text[_position] is '_' or '-' or '.' or '*'))
        {
            _position++;
        }

        return _text[start.._position].ToString();
    }

    // tchar (RFC 9110 §5.6.2) plus ':' and '/', as RFC 8941 §3.3.4 allows in tokens.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~' or ':' or '/';

    private readonly char Peek() => AtEnd ? '\0' : _text[_position];

    private bool TryConsume(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Malformed();
        }
    }

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _position++;
        }
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            _position++;
        }
    }
}
