using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.Kylin;

/// <summary>
/// The Kylin client (KAP / Kyligence Enterprise 3.x, the v2 <c>user_group</c> API): the typed API
/// (<see cref="UserGroups"/>) and the unified <see cref="IUserGroupService"/> (<see cref="AsUserGroupService"/>).
/// Immutable and thread-safe; create one per server and reuse it. Every request carries HTTP Basic credentials,
/// <c>Accept: application/vnd.apache.kylin-v2+json</c> and <c>Accept-Language: en</c>.
/// </summary>
/// <remarks>
/// Supported servers: the KAP / Kyligence Enterprise 3.x v2 API only. Apache Kylin 3.x/4.x, Kyligence Enterprise 4.x
/// and Kylin 5 are not supported yet. They do not serve the v2 <c>user_group</c> API: Apache Kylin answers the v2
/// <c>Accept</c> type with HTTP 406 (405 for <c>usersWithGroup</c>), Kylin 5 and Kyligence Enterprise 4.x with HTTP 500
/// outside Kylin's error envelope, and the client raises <see cref="UserGroupUnsupportedServerException"/> for those
/// answers (not retried; <see cref="UserGroupApiException.StatusCode"/> keeps the status). Apache Kylin answers a
/// member page (<c>groupMembers</c>) with its web page and HTTP 404, as any wrong address does; the facade asks for
/// the group list first, which it answers with 406.
/// </remarks>
public class KylinClient : UserGroupApiClient
{
    private readonly IKylinUserGroupsApi? _userGroups;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>; the SDK's resilience and authentication run
    /// around it. The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored, and its
    /// <see cref="HttpClient.Timeout"/> should be infinite so that the SDK's own timeouts (<see cref="UserGroupClientOptions.Timeout"/>,
    /// <see cref="UserGroupClientOptions.Resilience"/>) govern.
    /// </summary>
    /// <remarks>
    /// An API call that <paramref name="httpClient"/> followed to another origin (scheme, host or port) fails with
    /// <see cref="UserGroupApiException"/> and its answer is not read; the call reached that origin without its
    /// <c>Authorization</c> header, which .NET removes on every redirect, so no credential went along. A handler with
    /// <c>AllowAutoRedirect = false</c> makes every redirect an error, as it is without a caller's client.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options, HttpClient? httpClient)
        : this(options, KylinDialect.Instance.Connect(options, httpClient, credentialTransport: null))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal KylinClient(KylinClientOptions options, ClientPipeline.Connections connections)
        : base(options, connections, KylinDialect.Instance)
    {
        _userGroups = new KylinUserGroupsApi(connections.Api, connections.Api.Api<IKylinEndpoints>(KylinJsonContext.Default), options.Project ?? string.Empty, options.DefaultPageSize);
        _service = new InstrumentedUserGroupService(new KylinUserGroupService(_userGroups, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected KylinClient()
    {
    }

    /// <summary>The typed <c>user_group</c> endpoints.</summary>
    public virtual IKylinUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>
    /// The unified <see cref="IUserGroupService"/> over this client. A group's id is its name, and a member's id is its
    /// username. See the remarks for what Kylin does differently from the other dialects.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description><b>Names.</b> Group names are unique and compared case-sensitively (ordinal, as
    /// <see cref="UserGroupCapabilities.NameComparison"/> says): <c>Ops</c> and <c>ops</c> are two groups, and
    /// <see cref="IUserGroupService.FindGroupByNameAsync"/> and <see cref="IUserGroupService.GetGroupAsync"/> match the
    /// exact name. <see cref="UserGroupQuery.Search"/> keeps names that contain it, ignoring case. Names with <c>.</c>,
    /// <c>/</c>, <c>\</c> or control characters are refused with <see cref="ArgumentException"/> before anything is
    /// sent (KAP cuts a name at its last <c>.</c>). Groups cannot be renamed and have no comment or parent
    /// (<see cref="NotSupportedException"/>).</description></item>
    /// <item><description><b>Requests per operation</b> (a member list is read in pages of
    /// <see cref="UserGroupClientOptions.DefaultPageSize"/> users, at least one page): list groups, get, find and
    /// update (which can change nothing) cost one <c>groups</c> call each; create costs one call, plus one member replace
    /// when members are given, plus one <c>groups</c> call before it when retries are on (see
    /// <see cref="IUserGroupService.CreateGroupAsync"/>); delete costs one call, and delete-many one per distinct name; list members costs the
    /// group check (one <c>groups</c> call) plus every member page; add and remove members cost the group check, every
    /// member page and one replace (no replace when nothing changes); set members costs the group check and one
    /// replace.</description></item>
    /// <item><description><b>Read, then replace.</b> Kylin can only replace a whole member list, so add and remove read
    /// the list first and send it back changed. A change another client makes to the same group between the read and
    /// the replace is lost; serialize member changes of a group.</description></item>
    /// <item><description><b>The replace is not transactional.</b> KAP adds the listed users who are not members one at a
    /// time, in the order given, and only then removes the members who are not listed. An unknown username stops it
    /// with <see cref="UserGroupNotFoundException"/> (HTTP 500, <c>User '…' not found.</c>): the users before it have
    /// been added, none after it, and nobody has been removed. The SDK cannot check usernames first: the v2 API has no
    /// reliable list of all users.</description></item>
    /// <item><description><b>Unknown groups.</b> Member operations check first that the group exists and raise
    /// <see cref="UserGroupNotFoundException"/>; KAP itself would accept a member list for a group it does not
    /// list.</description></item>
    /// <item><description><b>Built-in groups.</b> KAP deletes any group without a guard, after stripping it from every
    /// user, and never puts a user back into <c>ALL_USERS</c>. Deleting <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>,
    /// <c>ROLE_ANALYST</c> or <c>ROLE_MODELER</c> (in any case; a delete-many that names one deletes nothing) and
    /// changing the members of <c>ALL_USERS</c> are refused with <see cref="UserGroupValidationException"/> before
    /// anything is sent.</description></item>
    /// </list>
    /// </remarks>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();
}
