using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using UserGroupClient.Snippets.Tests.Markdown;

namespace UserGroupClient.Snippets.Tests.Compilation;

/// <summary>
/// Compiles one code block as a file of a new project of its own: a program when the block has top-level statements,
/// a library when it only declares types, and the body of a method when it is marked as a fragment.
/// </summary>
internal sealed partial class SnippetCompiler
{
    // What `dotnet new console` gives a project (ImplicitUsings): every other namespace needs a `using` line of the
    // snippet's own.
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<SnippetCompiler> LazyDefault = new(() => new SnippetCompiler(
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "snippet-references.txt")),
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "snippet-analyzers.txt"))));

    // The SDK's default NoWarn: packages built for an older framework name its older assembly versions.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn =
        ImmutableDictionary.CreateRange([KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress), KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress)]);

    // The language version the SDK picks for net10.0 projects.
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp14);

    private readonly ImmutableArray<MetadataReference> references;
    private readonly ImmutableArray<ISourceGenerator> generators;

    private SnippetCompiler(IEnumerable<string> referencePaths, IEnumerable<string> analyzerPaths)
    {
        references = [.. referencePaths.Where(path => path.Length > 0).Select(path => MetadataReference.CreateFromFile(path))];
        var loader = new AssemblyLoadFromLoader();
        var failures = new List<string>();
        var generatorsFound = new List<ISourceGenerator>();
        foreach (var path in analyzerPaths.Where(path => path.Length > 0))
        {
            var analyzer = new AnalyzerFileReference(path, loader);
            analyzer.AnalyzerLoadFailed += (_, failure) => failures.Add($"{path}: {failure.Message}");
            generatorsFound.AddRange(analyzer.GetGenerators(LanguageNames.CSharp));
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The build's source generators did not load:\n" + string.Join('\n', failures));
        }

        generators = [.. generatorsFound];
    }

    /// <summary>The compiler over this project's references and source generators.</summary>
    public static SnippetCompiler Default => LazyDefault.Value;

    /// <summary>
    /// Compiles <paramref name="block"/> and returns its errors and warnings, each as
    /// <c>file:line:column: severity id: message</c> at the block's place in its Markdown file; empty when it compiles.
    /// </summary>
    public IReadOnlyList<string> Compile(CodeBlock block)
    {
        var tree = CSharpSyntaxTree.ParseText(block.IsFragment ? WrapFragment(block) : MapToMarkdown(block), ParseOptions, block.File, Encoding.UTF8);
        var implicitUsings = CSharpSyntaxTree.ParseText(
            string.Concat(ImplicitUsings.Select(name => $"global using global::{name};\n")), ParseOptions, "ImplicitUsings.g.cs", Encoding.UTF8);
        var isProgram = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(
            isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            specificDiagnosticOptions: SdkNoWarn);
        var compilation = CSharpCompilation.Create("Snippet", [implicitUsings, tree], references, options);
        CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        using var assembly = new MemoryStream();
        var emitted = generated.Emit(assembly);
        return generatorDiagnostics.Concat(emitted.Diagnostics)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && !diagnostic.IsSuppressed)
            .Select(Format)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    // The compiler then reports every position as the Markdown file's own line.
    private static string MapToMarkdown(CodeBlock block) => $"#line {block.FirstCodeLine} \"{block.File}\"\n{block.Code}\n";

    // A fragment is a method's body; its using directives go above the class, each still mapped to its own line.
    private static string WrapFragment(CodeBlock block)
    {
        var directives = new StringBuilder();
        var body = new StringBuilder();
        var lines = block.Code.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (UsingDirective().IsMatch(lines[index]))
            {
                directives.Append(CultureInfo.InvariantCulture, $"#line {block.FirstCodeLine + index} \"{block.File}\"\n{lines[index]}\n");
                body.Append('\n');
            }
            else
            {
                body.Append(lines[index]).Append('\n');
            }
        }

        var signature = AwaitKeyword().IsMatch(block.Code) ? "async Task RunAsync()" : "void Run()";
        return $"{directives}#line hidden\ninternal static class Fragment\n{{\n    internal static {signature}\n    {{\n" +
            $"#line {block.FirstCodeLine} \"{block.File}\"\n{body}#line hidden\n    }}\n}}\n";
    }

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var where = span.IsValid ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}" : "(no location)";
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}: {severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\bawait\b")]
    private static partial Regex AwaitKeyword();
}
