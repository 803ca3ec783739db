using System.Reflection;
using Microsoft.CodeAnalysis;

namespace UserGroupClient.Snippets.Tests.Compilation;

/// <summary>
/// Loads the build's source generators into the test's own load context: they run against the Roslyn this project
/// references, as they would against the compiler of the SDK.
/// </summary>
internal sealed class AssemblyLoadFromLoader : IAnalyzerAssemblyLoader
{
    /// <inheritdoc />
    public void AddDependencyLocation(string fullPath)
    {
        // A generator's dependencies sit beside it or in the test's own output; LoadFrom finds both.
    }

    /// <inheritdoc />
    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
