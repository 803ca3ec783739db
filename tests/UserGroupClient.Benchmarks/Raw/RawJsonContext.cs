using System.Text.Json.Serialization;

namespace UserGroupClient.Benchmarks.Raw;

/// <summary>The source-generated contracts of the raw-HttpClient and RestSharp baselines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RawGroup))]
[JsonSerializable(typeof(RawPage))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
