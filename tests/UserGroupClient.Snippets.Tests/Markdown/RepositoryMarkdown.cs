namespace UserGroupClient.Snippets.Tests.Markdown;

/// <summary>README.md and every Markdown file under docs/, as the build copied them beside the tests.</summary>
internal static class RepositoryMarkdown
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Markdown");

    /// <summary>The files' paths relative to the repository's root, with forward slashes, in a stable order.</summary>
    public static IReadOnlyList<string> Files { get; } = Directory
        .EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every fenced block of every file.</summary>
    public static IReadOnlyList<CodeBlock> Blocks { get; } = Files.SelectMany(file => MarkdownCodeBlocks.Extract(file, Read(file))).ToArray();

    /// <summary>The text of one file.</summary>
    public static string Read(string file) => File.ReadAllText(Path.Combine(Root, file));
}
