using System.Text.RegularExpressions;

namespace UserGroupClient.Snippets.Tests.Markdown;

/// <summary>Reads the fenced code blocks of a Markdown file, as CommonMark delimits them.</summary>
internal static partial class MarkdownCodeBlocks
{
    /// <summary>
    /// The one convention for a deliberate excerpt: this comment on the line above a csharp fence makes the block
    /// compile as the body of a method instead of as a file of its own.
    /// </summary>
    public const string FragmentMarker = "<!-- snippet: fragment -->";

    /// <summary>Every fenced block of <paramref name="markdown"/>, in order, whatever its language.</summary>
    public static IReadOnlyList<CodeBlock> Extract(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (var index = 0; index < lines.Length; index++)
        {
            var opening = OpeningFence().Match(lines[index]);
            if (!opening.Success)
            {
                continue;
            }

            var indentation = opening.Groups["indent"].Length;
            var fence = opening.Groups["fence"].Value;
            var language = opening.Groups["info"].Value.Trim().Split(' ', 2)[0];
            var isFragment = PreviousNonBlankLine(lines, index)?.Trim() == FragmentMarker;
            var code = new List<string>();
            var closed = false;
            var start = index;
            for (index++; index < lines.Length; index++)
            {
                if (ClosesFence(lines[index], fence))
                {
                    closed = true;
                    break;
                }

                code.Add(Unindent(lines[index], indentation));
            }

            blocks.Add(new CodeBlock(file, start + 1, language, string.Join('\n', code), isFragment, closed));
        }

        return blocks;
    }

    /// <summary>
    /// The lines that open a C# fence, counted without <see cref="Extract"/>'s fence matching: a block that the
    /// extractor misses (swallowed by an unclosed fence above it, indented oddly) shows as a difference.
    /// </summary>
    public static int CountCSharpFenceLines(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n').Count(line => CSharpFenceLine().IsMatch(line));

    /// <summary>Whether a fence's language names C#, in any of the spellings renderers accept.</summary>
    public static bool IsCSharp(string language) => CSharpLanguage().IsMatch(language);

    private static string? PreviousNonBlankLine(string[] lines, int index)
    {
        for (var previous = index - 1; previous >= 0; previous--)
        {
            if (!string.IsNullOrWhiteSpace(lines[previous]))
            {
                return lines[previous];
            }
        }

        return null;
    }

    private static bool ClosesFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(character => character == fence[0]);
    }

    // A fence inside a list item is indented with the item; its code lines carry that indentation too.
    private static string Unindent(string line, int indentation)
    {
        var spaces = 0;
        while (spaces < indentation && spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return line[spaces..];
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^\s*(`{3,}|~{3,})\s*\{?\.?(csharp|cs|c#|c-sharp)(?![\w#-])", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFenceLine();

    [GeneratedRegex(@"^\{?\.?(csharp|cs|c#|c-sharp)\}?$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpLanguage();
}
