namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// Python's <c>base64.b64decode(s)</c> without <c>validate</c> (CPython's non-strict <c>a2b_base64</c>): characters
/// outside the alphabet are skipped, decoding stops at complete padding, and an incomplete final quantum is an error.
/// </summary>
internal static class PythonBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <returns>False where Python raises <c>binascii.Error</c> (bad padding).</returns>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        var output = new List<byte>(text.Length * 3 / 4);
        var quadPos = 0;
        var leftChar = 0;
        var pads = 0;
        bytes = [];
        foreach (var c in text)
        {
            if (c == '=')
            {
                if (quadPos >= 2 && quadPos + ++pads >= 4)
                {
                    bytes = output.ToArray();
                    return true;
                }

                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            pads = 0;
            switch (quadPos)
            {
                case 0:
                    quadPos = 1;
                    leftChar = value;
                    break;
                case 1:
                    quadPos = 2;
                    output.Add((byte)((leftChar << 2) | (value >> 4)));
                    leftChar = value & 0x0f;
                    break;
                case 2:
                    quadPos = 3;
                    output.Add((byte)((leftChar << 4) | (value >> 2)));
                    leftChar = value & 0x03;
                    break;
                default:
                    quadPos = 0;
                    output.Add((byte)((leftChar << 6) | value));
                    leftChar = 0;
                    break;
            }
        }

        if (quadPos != 0)
        {
            return false;
        }

        bytes = output.ToArray();
        return true;
    }
}
