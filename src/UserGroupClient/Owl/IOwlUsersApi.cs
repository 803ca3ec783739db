namespace UserGroupClient.Owl;

/// <summary>Owl's user endpoints (<c>/api/v1/users</c>), one method per endpoint. PUT creates, POST updates.</summary>
public interface IOwlUsersApi
{
    /// <summary><c>GET /api/v1/users</c>: one page of users, newest first, and the number of matches.</summary>
    Task<OwlUserPage> ListAsync(OwlUserListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every matching user, fetched page by page with <see cref="ListAsync"/> until <c>total</c> is reached (<see cref="OwlUserListOptions.Page"/> is ignored).</summary>
    IAsyncEnumerable<OwlUser> ListAllAsync(OwlUserListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /api/v1/users</c> (administrators only): creates a user, whose initial password is its username.
    /// <see cref="OwlUser.Groups"/> sets its user groups; <see cref="OwlUser.Id"/> is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The username or the phone number is blank (Owl requires both).</exception>
    /// <exception cref="UserGroupConflictException">The username is taken.</exception>
    Task<OwlUser> CreateAsync(OwlUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a user with <c>POST /api/v1/users</c> (administrators, or the user itself). Owl v4 writes every field of
    /// that body and replaces the user's groups with the body's, so a field left out would be reset (a missing role
    /// demotes, a missing status disables) and missing groups would remove the user from all of them. This method
    /// therefore reads the user first (<c>GET /api/v1/users?page=0</c>, every user in one answer) and sends its current
    /// values for whatever <paramref name="changes"/> leaves <see langword="null"/>. When
    /// <see cref="OwlUserUpdate.GroupIds"/> names groups, it also reads the group list (<c>GET /api/v1/usergroups</c>)
    /// and refuses ids that name no group, which Owl would report only after writing the other fields. Two requests,
    /// three with groups. A change someone else makes to the user between the read and the write is overwritten.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="changes">What to change; <see langword="null"/> properties keep their current value.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The user as written.</returns>
    /// <exception cref="ArgumentException">The username or phone number is blank, or a value holds control characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> or a group id is not positive.</exception>
    /// <exception cref="UserGroupNotFoundException">No user has this id; nothing was sent.</exception>
    /// <exception cref="UserGroupUnknownIdsException">A group id names no user group; nothing was sent.</exception>
    Task<OwlUser> UpdateAsync(int userId, OwlUserUpdate changes, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/users/{id}</c> (administrators only).</summary>
    /// <exception cref="UserGroupNotFoundException">No user has this id.</exception>
    Task DeleteAsync(int userId, CancellationToken cancellationToken = default);
}
