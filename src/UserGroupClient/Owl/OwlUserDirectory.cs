using System.Globalization;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserDirectory"/> over Owl's users: the user name is <c>username</c>, unique ignoring case (the database
/// collation), as group names are (docs/wire/owl.md §9).
/// </summary>
internal sealed class OwlUserDirectory(IOwlUsersApi users) : UserDirectory
{
    public override string EntryKind => "user";

    public override StringComparison UserNameComparison => StringComparison.OrdinalIgnoreCase;

    public override async IAsyncEnumerable<DirectoryUser> ListUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var user in users.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new DirectoryUser(user.Id.ToString(CultureInfo.InvariantCulture), user.Username);
        }
    }
}
