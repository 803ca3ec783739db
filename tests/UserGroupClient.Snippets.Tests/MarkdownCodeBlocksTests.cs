using UserGroupClient.Snippets.Tests.Markdown;

namespace UserGroupClient.Snippets.Tests;

public sealed class MarkdownCodeBlocksTests
{
    [Fact]
    public void EachFenceIsABlockWithItsLanguageOpeningLineAndCode()
    {
        const string Markdown = "# Title\n\n```csharp\nvar a = 1;\n\nvar b = 2;\n```\n\nText.\n\n~~~json\n{ \"a\": 1 }\n~~~\n";

        var blocks = MarkdownCodeBlocks.Extract("doc.md", Markdown);

        Assert.Collection(
            blocks,
            block =>
            {
                Assert.Equal(("doc.md:3", "csharp", "var a = 1;\n\nvar b = 2;", 4), (block.Location, block.Language, block.Code, block.FirstCodeLine));
                Assert.True(block.IsClosed);
                Assert.False(block.IsFragment);
            },
            block => Assert.Equal(("doc.md:11", "json", "{ \"a\": 1 }"), (block.Location, block.Language, block.Code)));
    }

    [Fact]
    public void AFenceInAListItemLosesTheItemsIndentationOnly()
    {
        const string Markdown = "- item\n\n   ```csharp\n   if (true)\n       return;\n   ```\n";

        var block = Assert.Single(MarkdownCodeBlocks.Extract("doc.md", Markdown));

        Assert.Equal("if (true)\n    return;", block.Code);
    }

    [Fact]
    public void ALongerFenceIsClosedOnlyByAFenceAsLong()
    {
        const string Markdown = "````markdown\n```csharp\nvar a = 1;\n```\n````\n";

        var block = Assert.Single(MarkdownCodeBlocks.Extract("doc.md", Markdown));

        Assert.Equal("markdown", block.Language);
        Assert.Equal("```csharp\nvar a = 1;\n```", block.Code);
    }

    [Fact]
    public void TheMarkerRightAboveAFenceMakesItAFragment()
    {
        var markdown = $"Text.\n\n{MarkdownCodeBlocks.FragmentMarker}\n```csharp\nawait Task.Delay(1);\n```\n\n```csharp\nvar a = 1;\n```\n";

        var blocks = MarkdownCodeBlocks.Extract("doc.md", markdown);

        Assert.Equal([true, false], blocks.Select(block => block.IsFragment));
    }

    [Fact]
    public void ACSharpBlockSwallowedByAnUnclosedFenceShowsInTheIndependentCount()
    {
        const string Markdown = "```json\n{ }\n\n```csharp\nvar a = 1;\n```\n";

        var blocks = MarkdownCodeBlocks.Extract("doc.md", Markdown);

        Assert.DoesNotContain(blocks, block => MarkdownCodeBlocks.IsCSharp(block.Language));
        Assert.Equal(1, MarkdownCodeBlocks.CountCSharpFenceLines(Markdown));
    }

    [Fact]
    public void AnUnclosedFenceRunsToTheEndOfTheFile()
    {
        var block = Assert.Single(MarkdownCodeBlocks.Extract("doc.md", "```csharp\nvar a = 1;\n"));

        Assert.False(block.IsClosed);
    }

    [Theory]
    [InlineData("csharp", true)]
    [InlineData("cs", true)]
    [InlineData("C#", true)]
    [InlineData("c-sharp", true)]
    [InlineData("{.csharp}", true)]
    [InlineData("css", false)]
    [InlineData("json", false)]
    [InlineData("", false)]
    public void EverySpellingOfCSharpIsRecognised(string language, bool isCSharp) =>
        Assert.Equal(isCSharp, MarkdownCodeBlocks.IsCSharp(language));

    [Fact]
    public void TheIndependentCountSeesEverySpellingAndIndentation()
    {
        const string Markdown = "```csharp\n```\n  ```cs\n  ```\n~~~C#\n~~~\n```css\n```\n";

        Assert.Equal(3, MarkdownCodeBlocks.CountCSharpFenceLines(Markdown));
    }
}
