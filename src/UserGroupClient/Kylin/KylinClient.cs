using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.Kylin;

/// <summary>
/// The Kylin client, for every Kylin flavor (<see cref="KylinFlavor"/>): the typed API of each user-group API the
/// flavors speak (<see cref="UserGroups"/>: KAP / Kyligence Enterprise 3.x v2; <see cref="ApacheUserGroups"/>: Apache
/// Kylin 3.x/4.x; <see cref="OpenUserGroups"/>: the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x) and the
/// unified <see cref="IUserGroupService"/> (<see cref="AsUserGroupService"/>), which speaks the server's own, with its
/// users by name (<see cref="AsUserDirectory"/>).
/// Immutable and thread-safe; create one per server and reuse it. Every request carries HTTP Basic credentials (but
/// the flavor probe), the media type of its API and <c>Accept-Language: en</c>.
/// </summary>
/// <remarks>
/// <para>Supported servers: KAP / Kyligence Enterprise 3.x, Apache Kylin 3.x and 4.x, Kylin 5, and Kyligence
/// Enterprise 4.x builds with the v4-public open API (from mid-2020; earlier 4.x builds are out of scope, and the client
/// says so when it meets one). <see cref="KylinClientOptions.Flavor"/> names the server's flavor, or, with
/// <see cref="KylinFlavor.Auto"/> (the default), the client detects it (<see cref="DetectFlavorAsync"/>).</para>
/// <para>A server of another flavor than the one set, or than the typed API called, is recognised by its answer (HTTP
/// 406 or 405 for another API's media type or route, Kylin 5's HTTP 500 for the KAP v2 type, a <c>KE-…</c> code where
/// none belongs); the client then asks the server which flavor it is (one unauthenticated request) and raises
/// <see cref="UserGroupUnsupportedServerException"/> naming both (not retried; <see cref="UserGroupApiException.StatusCode"/>
/// keeps the status).</para>
/// </remarks>
public class KylinClient : UserGroupApiClient
{
    private readonly IKylinUserGroupsApi? _userGroups;
    private readonly IKylinApacheUserGroupsApi? _apacheUserGroups;
    private readonly IKylinOpenUserGroupsApi? _openUserGroups;
    private readonly KylinFlavorDetector? _detector;
    private readonly IUserGroupService? _service;
    private readonly IUserDirectory? _directory;

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
        var api = connections.Api;
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("UserGroupClient");
        _detector = new KylinFlavorDetector(api, logger, options.ClientName ?? KylinDialect.Instance.Name);
        _userGroups = new KylinUserGroupsApi(api, api.Api<IKylinEndpoints>(KylinJsonContext.Default), Mismatch(KylinWireShape.KapV2), options.Project ?? string.Empty, options.DefaultPageSize);
        _apacheUserGroups = new KylinApacheUserGroupsApi(api, api.Api<IKylinApacheEndpoints>(KylinJsonContext.Default), Mismatch(KylinWireShape.Apache), options.Project, options.DefaultPageSize);
        _openUserGroups = new KylinOpenUserGroupsApi(api, api.Api<IKylinOpenEndpoints>(KylinOpenJsonContext.Default), Mismatch(KylinWireShape.OpenV4), options.DefaultPageSize);
        var flavors = new KylinFlavorResolver(
            options.Flavor,
            _detector,
            new KylinKapServiceWire(_userGroups),
            new KylinApacheServiceWire(_apacheUserGroups),
            new KylinOpenServiceWire(_openUserGroups));
        var createRecovery = new CreateRecovery(options.Resilience, options.TimeProvider, api.Errors);
        _service = new InstrumentedUserGroupService(new KylinUserGroupService(flavors, createRecovery, new KylinCaller(options.CreateAuthenticationHandlers(api.Secrets))));
        _directory = new KylinUserDirectory(flavors);

        KylinFlavorMismatch Mismatch(KylinWireShape shape) => new(shape, options.Flavor, _detector);
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected KylinClient()
    {
    }

    /// <summary>The typed <c>user_group</c> endpoints of KAP / Kyligence Enterprise 3.x (the v2 API).</summary>
    public virtual IKylinUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The typed <c>user_group</c> endpoints of Apache Kylin 3.x and 4.x.</summary>
    public virtual IKylinApacheUserGroupsApi ApacheUserGroups => _apacheUserGroups ?? throw NotConstructed();

    /// <summary>The typed <c>user_group</c> endpoints of the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x.</summary>
    public virtual IKylinOpenUserGroupsApi OpenUserGroups => _openUserGroups ?? throw NotConstructed();

    /// <summary>
    /// The flavor the server turned out to be, once a detection has run (<see cref="DetectFlavorAsync"/>, the unified
    /// service's first call with <see cref="KylinFlavor.Auto"/>, or an answer of another flavor than the one set);
    /// <see langword="null"/> before.
    /// </summary>
    public virtual KylinFlavor? DetectedFlavor => (_detector ?? throw NotConstructed()).Detected;

    /// <summary>
    /// Finds out which Kylin the server is, once per client: the first call (or all concurrent first calls) sends the
    /// probe, later ones return the kept result, as <see cref="DetectedFlavor"/> shows it; the SDK's logger records it
    /// (event <c>KylinFlavorDetected</c>). A detection that fails is not kept.
    /// </summary>
    /// <remarks>
    /// The probe is <c>GET kylin/api/admin/version</c> without credentials, so it never counts against an account's
    /// lock, and no flavor refuses its media type: Apache Kylin answers its version (3.x or 4.x), Kylin 5 refuses it
    /// with code <c>KE-010003207</c>, Kyligence Enterprise 4.x with <c>KE-010003007</c>, KAP 3.x with its v2 error
    /// envelope. Only a refusal with another <c>KE-…</c> code costs a second request, <c>GET kylin/api/system/license</c>
    /// in the v4-public type, which Kyligence Enterprise 4.x builds with the open API answer with their version.
    /// </remarks>
    /// <param name="cancellationToken">Stops waiting; a probe under way runs on for the client's other callers.</param>
    /// <returns>The server's flavor, never <see cref="KylinFlavor.Auto"/>.</returns>
    /// <exception cref="UserGroupUnsupportedServerException">
    /// The server is not a Kylin the SDK supports (an Apache Kylin older than 3.0, a Kyligence Enterprise 4.x build
    /// before the open API), or its answer tells no flavor apart (set <see cref="KylinClientOptions.Flavor"/>).
    /// </exception>
    public virtual async Task<KylinFlavor> DetectFlavorAsync(CancellationToken cancellationToken = default) =>
        (await (_detector ?? throw NotConstructed()).DetectAsync(cancellationToken).ConfigureAwait(false)).Flavor;

    /// <summary>
    /// The unified <see cref="IUserGroupService"/> over this client, in the server's flavor
    /// (<see cref="KylinClientOptions.Flavor"/>, or detected before its first call). A group's id is its name, and a
    /// member's id is its username. See the remarks for what Kylin does differently from the other dialects.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description><b>Capabilities.</b> <see cref="IUserGroupService.Capabilities"/> are the flavor's; with
    /// <see cref="KylinFlavor.Auto"/>, before the flavor is detected, they are what every flavor shares, and name
    /// comparison is <see cref="StringComparison.OrdinalIgnoreCase"/> (the stricter one).</description></item>
    /// <item><description><b>Names.</b> Group names are unique and compared case-sensitively (ordinal) on KAP 3.x and
    /// Apache Kylin: <c>Ops</c> and <c>ops</c> are two groups. On Kylin 5 and Kyligence Enterprise 4.x they are unique
    /// ignoring case: creating <c>ops</c> beside <c>Ops</c> raises <see cref="UserGroupConflictException"/>, as
    /// <see cref="UserGroupCapabilities.NameComparison"/> says. <see cref="IUserGroupService.FindGroupByNameAsync"/> and
    /// <see cref="IUserGroupService.GetGroupAsync"/> match the exact name on every flavor. <see cref="UserGroupQuery.Search"/>
    /// keeps names that contain it, ignoring case. Names with <c>/</c>, <c>\</c> or control characters are refused with
    /// <see cref="ArgumentException"/> before anything is sent, and so are names with <c>.</c> on KAP (which cuts a
    /// name at its last <c>.</c>) and Apache Kylin (which takes what follows it for a file extension), and new names
    /// Kylin 5 and Kyligence Enterprise 4.x would refuse (a leading <c>.</c>, a leading or trailing space, characters
    /// above U+00FF, any of <c>\ / : * ? " &lt; &gt; |</c>). Groups cannot be renamed and have no comment or parent
    /// (<see cref="NotSupportedException"/>).</description></item>
    /// <item><description><b>Requests per operation</b> (pages hold <see cref="UserGroupClientOptions.DefaultPageSize"/>
    /// items; with <see cref="KylinFlavor.Auto"/> add the detection probe once per client). A group check (the first step
    /// of get, update and every member operation) and find cost one <c>groups</c> call on KAP (every name at once) and
    /// Apache Kylin (the exact name), and the pages of names that contain the name on Kylin 5 and Kyligence Enterprise
    /// 4.x. Listing groups costs one call on KAP and one per page elsewhere. Create costs one call, plus one member
    /// replace when members are given, plus one group check before it when retries are on (see
    /// <see cref="IUserGroupService.CreateGroupAsync"/>); delete costs one call, and delete-many one per distinct name;
    /// list members costs the group check plus every member page (one call on Apache Kylin); add and remove members
    /// cost the group check, every member page and one replace (no replace when nothing changes); set members costs
    /// the group check and one replace, plus every member page on Kylin 5 and Kyligence Enterprise 4.x.</description></item>
    /// <item><description><b>Read, then replace.</b> No Kylin can add or remove single members, only replace a whole
    /// member list, so add and remove read the list first and send it back changed. A change another client makes to
    /// the same group between the read and the replace is lost; serialize member changes of a group.</description></item>
    /// <item><description><b>The replace is not transactional on KAP and Apache Kylin.</b> They add the listed users who
    /// are not members one at a time, in the order given, and only then remove the members who are not listed. An
    /// unknown username stops it with <see cref="UserGroupNotFoundException"/> (HTTP 500, <c>User '…' not found.</c>):
    /// the users before it have been added, none after it, and nobody has been removed. The member calls send usernames
    /// as given; resolve them first with <see cref="AsUserDirectory"/> (one paged read, whatever their number), which
    /// reports the ones the server does not know. Kylin 5 and Kyligence Enterprise 4.x replace in one
    /// transaction: a refused replace changes nothing.</description></item>
    /// <item><description><b>Unknown groups.</b> Member operations check first that the group exists and raise
    /// <see cref="UserGroupNotFoundException"/>; KAP and Apache Kylin would accept a member list for a group they do not
    /// list.</description></item>
    /// <item><description><b>Built-in groups.</b> Deleting a group strips it from every user first; KAP guards none of
    /// the built-in groups, the other flavors only <c>ALL_USERS</c> and <c>ROLE_ADMIN</c>. And no flavor takes a user
    /// out of <c>ALL_USERS</c> as asked: KAP never puts the user back, Apache Kylin silently puts the user back, Kylin 5
    /// and Kyligence Enterprise 4.x refuse. So deleting <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>, <c>ROLE_ANALYST</c> or
    /// <c>ROLE_MODELER</c> (in any case; a delete-many that names one deletes nothing) and changing the members of
    /// ALL_USERS are refused with <see cref="UserGroupValidationException"/> before anything is sent, on every
    /// flavor.</description></item>
    /// <item><description><b>Kylin 5 and Kyligence Enterprise 4.x members.</b> These servers refuse, whole, any member
    /// change that adds or removes the system administrator <c>ADMIN</c> or the user the client signs in as. Add,
    /// remove, set members and a create with members that would do so are refused with <see cref="ArgumentException"/>
    /// (parameter <c>memberIds</c>, or <c>group</c> for a create) before anything is sent, saying which user and
    /// why.</description></item>
    /// </list>
    /// </remarks>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();

    /// <summary>
    /// Kylin's users by username, the member ids of <see cref="AsUserGroupService"/> (<see cref="GroupMember.UserName"/>):
    /// resolves names to ids with one paged read of the members of the built-in group <c>ALL_USERS</c>, in the server's
    /// flavor (every flavor puts each user in it when it saves the user), so that a member replace never carries a name
    /// the server does not know, which on KAP and Apache Kylin stops the replace half-done.
    /// </summary>
    /// <remarks>
    /// Names are compared ordinally, as KAP compares usernames: a name that differs from a user's only in case is
    /// reported unknown, never taken for that user, on every flavor (Apache Kylin, Kylin 5 and Kyligence Enterprise 4.x
    /// look usernames up ignoring case but compare memberships exactly). A user someone took out of <c>ALL_USERS</c>
    /// through another client (KAP keeps such a removal) is not listed, and so reported unknown too.
    /// </remarks>
    public virtual IUserDirectory AsUserDirectory() => _directory ?? throw NotConstructed();
}
