using System.Text;

namespace UserGroupClient.Http;

/// <summary>
/// The ranges of one text that are to be masked, collected from every rule before any is applied, so that no rule
/// reads another's output and overlapping finds become one mask.
/// </summary>
internal sealed class MaskSpans
{
    private List<(int Start, int End, string Replacement)>? _spans;

    /// <summary>Marks <c>[start, end)</c> to be replaced by <paramref name="replacement"/> (by default <see cref="SecretRedactor.Mask"/>).</summary>
    public void Add(int start, int end, string replacement = SecretRedactor.Mask)
    {
        if (end > start)
        {
            (_spans ??= []).Add((start, end, replacement));
        }
    }

    /// <summary>Returns <paramref name="text"/> with the marked ranges replaced; overlapping or touching ranges become one <see cref="SecretRedactor.Mask"/>.</summary>
    public string Apply(string text)
    {
        if (_spans is null)
        {
            return text;
        }

        _spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var result = new StringBuilder(text.Length);
        var copied = 0;
        var index = 0;
        while (index < _spans.Count)
        {
            var (start, end, replacement) = _spans[index++];
            while (index < _spans.Count && _spans[index].Start <= end)
            {
                if (_spans[index].End > end)
                {
                    end = _spans[index].End;
                    replacement = SecretRedactor.Mask;
                }

                index++;
            }

            result.Append(text, copied, start - copied).Append(replacement);
            copied = end;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}
