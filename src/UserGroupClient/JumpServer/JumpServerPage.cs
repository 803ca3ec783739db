using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>
/// One page of a list: <c>{count, next, previous, results}</c>, what the server sends when a <c>limit</c> is given
/// (the SDK always gives one).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Read through a generated contract, so a page is parsed while it arrives rather than buffered whole first; an
/// answer without <c>count</c> or <c>results</c>, or with a null item, is a malformed answer.
/// </remarks>
public sealed class JumpServerPage<T> : IJsonOnDeserialized
{
    /// <summary>The total number of matching items across all pages.</summary>
    [JsonRequired]
    public int Count { get; init; }

    /// <summary>The server's link to the next page. It is built from the server's own idea of its address, which is
    /// wrong behind proxies; page by <see cref="Count"/> and offsets instead.</summary>
    public string? Next { get; init; }

    /// <summary>The server's link to the previous page.</summary>
    public string? Previous { get; init; }

    /// <summary>The items of this page.</summary>
    [JsonRequired]
    public IReadOnlyList<T> Results { get; init; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        // A null page or item would surface far from here as a NullReferenceException.
        if (Results is null)
        {
            throw new JsonException("A page's 'results' is null.");
        }

        for (var i = 0; i < Results.Count; i++)
        {
            if (Results[i] is null)
            {
                throw new JsonException("A page's 'results' hold a null item.");
            }
        }
    }
}
