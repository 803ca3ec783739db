namespace UserGroupClient.Snippets.Tests.Markdown;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository's root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The first word of the fence's info string; empty when the fence names none.</param>
/// <param name="Code">The lines between the fences, without the fence's indentation.</param>
/// <param name="IsFragment">Whether <see cref="MarkdownCodeBlocks.FragmentMarker"/> stands right above the fence.</param>
/// <param name="IsClosed">Whether a closing fence ends the block (an unclosed one runs to the end of the file).</param>
internal sealed record CodeBlock(string File, int Line, string Language, string Code, bool IsFragment, bool IsClosed)
{
    /// <summary>Where the block starts, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <summary>The 1-based line of the block's first line of code.</summary>
    public int FirstCodeLine => Line + 1;

    /// <inheritdoc />
    public override string ToString() => Location;
}
