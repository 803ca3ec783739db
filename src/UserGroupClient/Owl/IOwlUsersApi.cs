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
    /// <c>POST /api/v1/users</c> (administrators, or the user itself): Owl writes every field and replaces the user
    /// groups with <see cref="OwlUser.Groups"/>, so send the whole user, not only the changes.
    /// </summary>
    Task UpdateAsync(OwlUser user, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/users/{id}</c> (administrators only).</summary>
    /// <exception cref="UserGroupNotFoundException">No user has this id.</exception>
    Task DeleteAsync(int userId, CancellationToken cancellationToken = default);
}
