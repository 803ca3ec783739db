using System.Reflection;
using System.Text.Json.Serialization;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks.PlainRefit;

/// <summary>
/// The SDK's own source-generated contracts of the JumpServer wire types. They are internal (their converters too), so
/// the plain-Refit reference reaches them once, by name: it then parses <see cref="JumpServerUserGroup"/> exactly as the
/// SDK does, and what the two cases differ by is the SDK's layers alone.
/// </summary>
internal static class SdkJsonContracts
{
    public static JsonSerializerContext JumpServer { get; } = (JsonSerializerContext)(typeof(JumpServerClient).Assembly
        .GetType("UserGroupClient.JumpServer.JumpServerJsonContext", throwOnError: true)!
        .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
        ?? throw new InvalidOperationException("The SDK's JumpServer JSON context has no Default instance."));
}
