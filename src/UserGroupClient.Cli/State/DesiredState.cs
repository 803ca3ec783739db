using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.Cli.State;

/// <summary>
/// A desired-state file: the groups a backend should have. What a group leaves <see langword="null"/> is not managed
/// (a <c>null</c> <c>members</c> leaves the members as they are; <c>[]</c> means none).
/// </summary>
internal sealed record DesiredState(IReadOnlyList<DesiredGroup> Groups)
{
    /// <exception cref="UgcException">The file is missing, not JSON of this shape, or names a group twice.</exception>
    public static async Task<DesiredState> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UgcException($"The desired-state file '{path}' does not exist.");
        }

        DesiredState? state;
        var stream = File.OpenRead(path);
        await using (stream)
        {
            try
            {
                state = await JsonSerializer.DeserializeAsync(stream, DesiredStateJsonContext.Default.DesiredState, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new UgcException($"The desired-state file '{path}' is not valid: {exception.Message}");
            }
        }

        if (state?.Groups is null || state.Groups.Any(g => string.IsNullOrWhiteSpace(g?.Name)))
        {
            throw new UgcException($"The desired-state file '{path}' is not valid: it needs \"groups\", each with a \"name\".");
        }

        return state;
    }

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, this, DesiredStateJsonContext.Default.DesiredState, cancellationToken);
}

/// <summary>One group of a desired-state file: members by their unique user name (see docs/cli.md).</summary>
internal sealed record DesiredGroup(string Name, string? Comment, string? Parent, IReadOnlyList<string>? Members);

/// <summary>The desired-state file's generated serializer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DesiredState))]
internal sealed partial class DesiredStateJsonContext : JsonSerializerContext;
