using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.MinApp;

/// <summary>
/// The MinApp (知晓云) client: the typed user-group (<see cref="UserGroups"/>), supergroup (<see cref="SuperGroups"/>)
/// and membership (<see cref="Membership"/>) APIs, and the unified <see cref="IUserGroupService"/>
/// (<see cref="AsUserGroupService"/>). Immutable and thread-safe; create one per application and reuse it, so the
/// OAuth token is shared. Requests go through authentication (<see cref="MinAppClientOptions.Credentials"/>) and then
/// the transport.
/// </summary>
public class MinAppClient : UserGroupApiClient
{
    private readonly IMinAppUserGroupsApi? _userGroups;
    private readonly IMinAppSuperGroupsApi? _superGroups;
    private readonly IMinAppMembershipApi? _membership;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public MinAppClient(MinAppClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client whose API calls go through <paramref name="httpClient"/>; the SDK's resilience and authentication
    /// run around it. The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored, and its
    /// <see cref="HttpClient.Timeout"/> should be infinite so that the SDK's own timeouts (<see cref="UserGroupClientOptions.Timeout"/>,
    /// <see cref="UserGroupClientOptions.Resilience"/>) govern.
    /// </summary>
    /// <remarks>
    /// An <see cref="HttpClient"/> with default settings follows redirects, resending a request body to wherever a
    /// redirect points, and whether a given one does cannot be seen from outside. So the authorize step and the token
    /// requests of client credentials (the client secret in their bodies) do not go through <paramref name="httpClient"/>,
    /// but through a transport of the client's own that follows no redirect and keeps no cookies (the authorize step
    /// follows its own redirects, by rules of its own), with the system's proxy settings and certificate validation.
    /// An API call that <paramref name="httpClient"/> followed to another origin (scheme, host or port) fails with
    /// <see cref="UserGroupApiException"/> and its answer is not read; the call reached that origin without its
    /// <c>Authorization</c> header, which .NET removes on every redirect, so no credential went along. A handler with
    /// <c>AllowAutoRedirect = false</c> makes every redirect an error, as it is without a caller's client.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public MinAppClient(MinAppClientOptions options, HttpClient? httpClient)
        : this(options, MinAppDialect.Instance.Connect(options, httpClient, credentialTransport: null))
    {
    }

    /// <summary>
    /// Creates a client whose API calls go through <paramref name="httpClient"/> and whose credential exchanges go
    /// through <paramref name="credentialTransport"/> instead of a transport of its own; the caller keeps both. For tests,
    /// which answer both in memory.
    /// </summary>
    internal MinAppClient(MinAppClientOptions options, HttpClient httpClient, HttpMessageHandler credentialTransport)
        : this(options, MinAppDialect.Instance.Connect(options, httpClient, credentialTransport))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal MinAppClient(MinAppClientOptions options, ClientPipeline.Connections connections)
        : base(options, connections, MinAppDialect.Instance)
    {
        // A default page size above 1000 is lowered to it, as the server lowers such a limit itself (docs/wire/minapp.md §2).
        var endpoint = new MinAppEndpoint(connections.Api, connections.Api.Api<IMinAppEndpoints>(MinAppJsonContext.Default), options.EnvironmentId, Math.Min(options.DefaultPageSize, MinAppClientOptions.MaxPageSize));
        _userGroups = new MinAppUserGroupsApi(endpoint);
        _superGroups = new MinAppSuperGroupsApi(endpoint);
        _membership = new MinAppMembershipApi(endpoint);
        _service = new InstrumentedUserGroupService(
            new MinAppUserGroupService(_userGroups, _membership, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected MinAppClient()
    {
    }

    /// <summary>The typed user-group endpoints.</summary>
    public virtual IMinAppUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The typed supergroup (组集) endpoints.</summary>
    public virtual IMinAppSuperGroupsApi SuperGroups => _superGroups ?? throw NotConstructed();

    /// <summary>The membership PATCH and the member listing.</summary>
    public virtual IMinAppMembershipApi Membership => _membership ?? throw NotConstructed();

    /// <summary>
    /// The unified <see cref="IUserGroupService"/> over this client. On MinApp, group names are not unique
    /// (<see cref="UserGroupCapabilities.UniqueNames"/> is <see langword="false"/>); <see cref="IUserGroupService.FindGroupByNameAsync"/>
    /// and a <see cref="UserGroupQuery.Search"/> read every group, one request per 1000 groups, and match names on the
    /// client; <see cref="IUserGroupService.SetMembersAsync"/> reads every member page, then sends one PATCH; and a call
    /// that reads before it writes can race with another client. Details in the remarks.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>Ids are the decimal strings of MinApp's integer ids. A member id is the user's <c>user_id</c>.
    /// A group's <see cref="UserGroup.ParentId"/> is its supergroup (组集), and <see cref="UserGroupQuery.ParentId"/>
    /// filters by it on the server.</description></item>
    /// <item><description>Names are not unique: the server creates a second group with a name that is already taken.
    /// <see cref="IUserGroupService.FindGroupByNameAsync"/> returns the first group, in the server's list order, whose
    /// name matches exactly (ordinal); others with the same name may exist.</description></item>
    /// <item><description>The server has no name filter. <see cref="IUserGroupService.FindGroupByNameAsync"/> and
    /// <see cref="IUserGroupService.ListGroupsAsync"/> with a <see cref="UserGroupQuery.Search"/> (a case-insensitive
    /// substring) page through all groups, <see cref="MinAppClientOptions.MaxPageSize"/> (1000) per request unless
    /// <see cref="UserGroupQuery.PageSize"/> says otherwise, and match on the client: their cost grows with the number
    /// of groups, not of matches. The find stops at the first match.</description></item>
    /// <item><description><see cref="IUserGroupService.AddMembersAsync"/> and <see cref="IUserGroupService.RemoveMembersAsync"/>
    /// are one membership PATCH each. <see cref="IUserGroupService.SetMembersAsync"/> reads the group, then every page
    /// of its current members (<see cref="UserGroupClientOptions.DefaultPageSize"/> per request), then sends one PATCH
    /// with the additions and removals (none when nothing changes).</description></item>
    /// <item><description>Reads and writes are separate requests, with no lock or version check on the server.
    /// <see cref="IUserGroupService.SetMembersAsync"/> computes its PATCH from the members it read: a member another
    /// client adds or removes in between is not seen, so the group can end up different from the list asked for.
    /// <see cref="IUserGroupService.UpdateGroupAsync"/> with a parent but no name reads the current name and sends it
    /// back: a rename by another client in between is undone.</description></item>
    /// <item><description><see cref="IUserGroupService.CreateGroupAsync"/> is one POST (plus one membership PATCH and
    /// one read of the group when members are given). With retries on, it first pages through the groups of the same
    /// supergroup to note those that already carry the name, so that a create whose answer is lost returns only the one
    /// group that is new; a name shared by several groups is no conflict here.</description></item>
    /// <item><description>Groups have no comment: a <c>Comment</c> is refused with <see cref="NotSupportedException"/>
    /// (<see cref="UserGroupCapabilities.SupportsComment"/> is <see langword="false"/>).</description></item>
    /// <item><description><see cref="IUserGroupService.DeleteGroupsAsync"/> is the server's <c>?id__in=</c> delete,
    /// one request, which ignores ids that do not exist.</description></item>
    /// </list>
    /// </remarks>
    /// <returns>The facade; the same instance on every call.</returns>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();
}
