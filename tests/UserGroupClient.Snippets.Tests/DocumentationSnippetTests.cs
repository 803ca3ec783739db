using UserGroupClient.Snippets.Tests.Compilation;
using UserGroupClient.Snippets.Tests.Markdown;

namespace UserGroupClient.Snippets.Tests;

/// <summary>Every C# block of README.md and docs/ is complete and compiles as written; none escapes the check.</summary>
public sealed class DocumentationSnippetTests
{
    /// <summary>Each C# block, by its <c>file:line</c>.</summary>
    public static TheoryData<string> CSharpBlocks => new(CSharp(RepositoryMarkdown.Blocks).Select(block => block.Location));

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void EveryCSharpBlockCompilesAsWrittenWithItsOwnUsingLines(string location)
    {
        var block = RepositoryMarkdown.Blocks.Single(candidate => candidate.Location == location);

        var problems = SnippetCompiler.Default.Compile(block);

        Assert.True(problems.Count == 0, $"{location} does not compile as written:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void TheReadmeAndEveryDocumentAreRead()
    {
        Assert.Contains("README.md", RepositoryMarkdown.Files);
        Assert.Contains("docs/testing.md", RepositoryMarkdown.Files);
        Assert.Contains("docs/wire/README.md", RepositoryMarkdown.Files);
        Assert.Contains(CSharp(RepositoryMarkdown.Blocks), block => block.File == "README.md");
        Assert.Contains(CSharp(RepositoryMarkdown.Blocks), block => block.File == "docs/testing.md");
    }

    [Fact]
    public void NoCSharpBlockEscapesTheExtractor()
    {
        foreach (var file in RepositoryMarkdown.Files)
        {
            var extracted = CSharp(RepositoryMarkdown.Blocks).Count(block => block.File == file);
            var fenceLines = MarkdownCodeBlocks.CountCSharpFenceLines(RepositoryMarkdown.Read(file));
            Assert.True(
                extracted == fenceLines,
                $"{file} has {fenceLines} lines that open a C# block, and the extractor found {extracted}: a fence above one is not closed as it should be, or one is indented as no block is.");
        }
    }

    [Fact]
    public void EveryFenceNamesItsLanguageAndEveryCSharpFenceSaysCsharp()
    {
        // An unnamed block is never compiled, and another spelling of C# is easy to miss: there is one way to write it.
        var misnamed = RepositoryMarkdown.Blocks
            .Where(block => block.Language.Length == 0 || (MarkdownCodeBlocks.IsCSharp(block.Language) && block.Language != "csharp"))
            .Select(block => $"{block.Location}: ```{block.Language}")
            .ToArray();

        Assert.True(misnamed.Length == 0, "Name the language of these blocks, C# as ```csharp:\n" + string.Join('\n', misnamed));
    }

    [Fact]
    public void EveryFenceIsClosed()
    {
        var unclosed = RepositoryMarkdown.Blocks.Where(block => !block.IsClosed).Select(block => block.Location).ToArray();

        Assert.True(unclosed.Length == 0, "These blocks run to the end of their file:\n" + string.Join('\n', unclosed));
    }

    [Fact]
    public void TheFragmentMarkerStandsOnlyAboveCSharpBlocks()
    {
        foreach (var file in RepositoryMarkdown.Files)
        {
            var markers = RepositoryMarkdown.Read(file).Split('\n').Count(line => line.Trim() == MarkdownCodeBlocks.FragmentMarker);
            var fragments = CSharp(RepositoryMarkdown.Blocks).Count(block => block.File == file && block.IsFragment);

            Assert.True(markers == fragments, $"{file} has {markers} fragment markers and {fragments} C# fragments: a marker must stand right above a ```csharp fence.");
        }
    }

    private static IEnumerable<CodeBlock> CSharp(IEnumerable<CodeBlock> blocks) => blocks.Where(block => MarkdownCodeBlocks.IsCSharp(block.Language));
}
