using UserGroupClient.Snippets.Tests.Compilation;
using UserGroupClient.Snippets.Tests.Markdown;

namespace UserGroupClient.Snippets.Tests;

public sealed class SnippetCompilerTests
{
    [Fact]
    public void AProgramWithItsUsingLinesCompiles()
    {
        var problems = Compile("""
            using UserGroupClient;
            using UserGroupClient.Testing.Owl;

            await using var owl = await OwlEmulator.StartAsync();
            Console.WriteLine(owl.BaseAddress);
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void AnUndeclaredNameIsReportedAtItsLineOfTheMarkdownFile()
    {
        var problems = Compile("using UserGroupClient.JumpServer;\n\nvar credentials = JumpServerCredentials.AccessKey(keyId, \"secret\");\nConsole.WriteLine(credentials);", line: 40);

        var problem = Assert.Single(problems);
        Assert.StartsWith("doc.md:43:51: error CS0103:", problem, StringComparison.Ordinal);
        Assert.Contains("'keyId'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingUsingLineForTheEmulatorsIsAnError()
    {
        var problems = Compile("await using var jms = await JumpServerEmulator.StartAsync();");

        Assert.Contains(problems, problem => problem.StartsWith("doc.md:11:", StringComparison.Ordinal) && problem.Contains("error CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public void ABlockOfTypesCompilesAsALibraryWithoutAnEntryPoint()
    {
        var problems = Compile("""
            using UserGroupClient.Authentication;

            public sealed class FixedTokens : CachingTokenProvider
            {
                protected override Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken) =>
                    Task.FromResult(new AccessToken("token", DateTimeOffset.UtcNow.AddHours(1)));
            }
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void AWarningCountsAsAProblem()
    {
        var problems = Compile("string name = null;\nConsole.WriteLine(name);");

        Assert.Contains(problems, problem => problem.StartsWith("doc.md:11:", StringComparison.Ordinal) && problem.Contains("warning CS8600", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSourceGeneratorsOfTheBuildRun()
    {
        // Without the System.Text.Json generator the context has neither its members nor Default.
        var problems = Compile("""
            using System.Text.Json;
            using System.Text.Json.Serialization;

            Console.WriteLine(JsonSerializer.Serialize(new Point(1, 2), PointJson.Default.Point));

            public sealed record Point(int X, int Y);

            [JsonSerializable(typeof(Point))]
            public sealed partial class PointJson : JsonSerializerContext;
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void AFragmentCompilesAsAMethodBodyWithItsUsingLinesAboveIt()
    {
        var problems = Compile("using UserGroupClient.Testing.Kylin;\n\nawait using var kylin = await KylinEmulator.StartAsync();\nConsole.WriteLine(kylin.BaseAddress);", fragment: true);

        Assert.Empty(problems);
    }

    [Fact]
    public void AFragmentsErrorIsReportedAtItsLineOfTheMarkdownFile()
    {
        var problems = Compile("using UserGroupClient.Testing.Kylin;\n\nawait using var kylin = await KylinEmulator.StartAsync(unknownOptions);", line: 20, fragment: true);

        var problem = Assert.Single(problems);
        Assert.StartsWith("doc.md:23:", problem, StringComparison.Ordinal);
        Assert.Contains("error CS0103", problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Compile(string code, int line = 10, bool fragment = false) =>
        SnippetCompiler.Default.Compile(new CodeBlock("doc.md", line, "csharp", code.ReplaceLineEndings("\n"), fragment, IsClosed: true));
}
