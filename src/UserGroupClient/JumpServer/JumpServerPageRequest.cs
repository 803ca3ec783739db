namespace UserGroupClient.JumpServer;

/// <summary>Paging of a list that has no other parameters.</summary>
/// <param name="Limit">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
/// <param name="Offset">How many items to skip.</param>
public sealed record JumpServerPageRequest(int? Limit = null, int? Offset = null);
