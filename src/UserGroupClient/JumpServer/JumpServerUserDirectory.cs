using System.Runtime.CompilerServices;

namespace UserGroupClient.JumpServer;

/// <summary>
/// <see cref="IUserDirectory"/> over JumpServer's user list in the client's organization: the user name is the login
/// <c>username</c>, unique on the server and compared as it is stored.
/// </summary>
internal sealed class JumpServerUserDirectory(JumpServerUserGroupsApi api) : UserDirectory
{
    public override string EntryKind => "user";

    public override StringComparison UserNameComparison => StringComparison.Ordinal;

    public override async IAsyncEnumerable<DirectoryUser> ListUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var user in api.ListAllUsersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(user.Username))
            {
                yield return new DirectoryUser(user.Id, user.Username, user.Name);
            }
        }
    }
}
