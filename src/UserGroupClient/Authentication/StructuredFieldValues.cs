namespace UserGroupClient.Authentication;

/// <summary>A token bare item, kept apart from a string because it serialises without quotes.</summary>
internal readonly record struct StructuredToken(string Value);

/// <summary>An item and its parameters.</summary>
internal sealed record StructuredItem(object Value, List<KeyValuePair<string, object>> Parameters);

/// <summary>A dictionary member: an item (<see cref="Value"/>) or an inner list (<see cref="InnerList"/>), with its parameters.</summary>
internal sealed record StructuredMember(object? Value, List<StructuredItem>? InnerList, List<KeyValuePair<string, object>> Parameters);
