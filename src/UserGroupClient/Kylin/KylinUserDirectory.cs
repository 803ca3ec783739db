using System.Runtime.CompilerServices;

namespace UserGroupClient.Kylin;

/// <summary>
/// <see cref="IUserDirectory"/> over Kylin's users, on every flavor: the members of the built-in group <c>ALL_USERS</c>,
/// which every flavor puts each user in when it saves the user (docs/wire/kylin.md §4.1), read with the flavor's own
/// paged member listing, so no flavor needs a user API. A user's id is its username, compared exactly as KAP stores it.
/// </summary>
internal sealed class KylinUserDirectory(KylinFlavorResolver flavors) : UserDirectory
{
    public override string EntryKind => "user";

    public override StringComparison UserNameComparison => StringComparison.Ordinal;

    public override async IAsyncEnumerable<DirectoryUser> ListUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var server = await flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var username in server.Wire.ListMemberNamesAsync(KylinBuiltInGroups.AllUsers, cancellationToken).ConfigureAwait(false))
        {
            yield return new DirectoryUser(username, username);
        }
    }
}
