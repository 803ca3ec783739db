namespace UserGroupClient.JumpServer;

/// <summary>Paging of a list that has no other parameters.</summary>
/// <param name="Limit">The page size, clamped to <see cref="JumpServerClientOptions.MaxPageSize"/> as the server clamps it;
/// <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>; less than 1 is refused.</param>
/// <param name="Offset">How many items to skip; a negative value is sent as 0, which the server reads it as.</param>
public sealed record JumpServerPageRequest(int? Limit = null, int? Offset = null);
