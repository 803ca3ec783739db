namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>Name-value pairs as the checks read and show them: a query string's parameters, a form's fields.</summary>
internal static class NameValues
{
    /// <summary>A raw query string's parameters, unescaped; fails when a name repeats.</summary>
    public static Dictionary<string, string> ParseQuery(string? raw)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (raw ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            Assert.False(query.ContainsKey(name), $"The query repeats '{name}': {raw}");
            query[name] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
        }

        return query;
    }

    /// <summary>Whether both hold exactly the same names with the same values, in any order.</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> expected) =>
        actual.Count == expected.Count && expected.All(pair => actual.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary><c>a=1, b=2</c>, ordered by name, for messages and comparisons.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> pairs) =>
        string.Join(", ", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
