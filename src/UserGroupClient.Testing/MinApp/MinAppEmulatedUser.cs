namespace UserGroupClient.Testing.MinApp;

/// <summary>A user profile held by a <see cref="MinAppEmulator"/>; <see cref="Id"/> and <see cref="UserId"/> always differ.</summary>
/// <param name="Id">The profile row's id.</param>
/// <param name="UserId">The user's id, which the membership PATCH takes by default.</param>
/// <param name="Nickname">The nickname.</param>
/// <param name="GroupIds">The user groups the user is in, ascending.</param>
public sealed record MinAppEmulatedUser(long Id, long UserId, string Nickname, IReadOnlyList<long> GroupIds);
