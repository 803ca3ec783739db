using System.Runtime.CompilerServices;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserDirectory"/> over Owl's hosts, the members of host groups: the name is the host's <c>hostname</c>,
/// which the agent reports (the display <c>name</c> is free text that a rename changes). The server keeps hosts unique
/// by host name and address together (docs/wire/owl.md §9), so two hosts may share a host name: such a name resolves
/// as ambiguous, never to one of them.
/// </summary>
internal sealed class OwlHostDirectory(IOwlHostsApi hosts) : UserDirectory
{
    public override string EntryKind => "host";

    public override StringComparison UserNameComparison => StringComparison.OrdinalIgnoreCase;

    public override async IAsyncEnumerable<DirectoryUser> ListUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var host in hosts.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(host.Hostname))
            {
                yield return new DirectoryUser(host.Id, host.Hostname, string.IsNullOrEmpty(host.Name) ? null : host.Name);
            }
        }
    }
}
