using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>The payload of a success answer, which Owl puts beside <c>code</c> in its envelope (docs/wire/owl.md §4).</summary>
internal static class OwlPayload
{
    /// <summary>A success answer that lacks the payload it must carry is unreadable, not an empty result.</summary>
    /// <param name="connection">The connection the call went through.</param>
    /// <param name="value">The payload read from the answer.</param>
    /// <param name="key">The payload's key, for the message.</param>
    /// <param name="method">The call's method.</param>
    /// <param name="path">The call's path, relative to the base address.</param>
    public static T Require<T>(ApiConnection connection, T? value, string key, HttpMethod method, string path)
        where T : class =>
        value ?? throw new UserGroupApiException($"Owl answered {method} /{path} with code 200 but without '{key}'.")
        {
            Dialect = connection.Errors.Dialect,
            RequestMethod = method.Method,
            RequestUri = new Uri(connection.BaseAddress, path),
        };
}
