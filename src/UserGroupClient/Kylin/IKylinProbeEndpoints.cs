using System.Text.Json;
using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// The unauthenticated requests that tell the Kylin flavors apart (docs/wire/kylin.md §10). Both are
/// marked <see cref="KylinAuthenticationHandler.Anonymous"/>: they carry no credentials, so no flavor refuses them for
/// its media type and none counts them against an account's lock.
/// </summary>
[Headers("Accept-Language: en")]
internal interface IKylinProbeEndpoints
{
    // Apache Kylin answers it to anyone (its version); KAP, Kylin 5 and Kyligence Enterprise 4.x answer 401, each with
    // its own body. Plain JSON or v2: KAP's security answers before any v2-only handler could refuse the type, and no
    // flavor refuses a list that holds a type it produces.
    [Get("/admin/version")]
    [Headers("Accept: application/json, " + KylinUserGroupsApi.MediaType)]
    Task<JsonElement> GetVersionAsync(
        CancellationToken cancellationToken,
        [Property(KylinAuthenticationHandler.Anonymous)] bool anonymous = true);

    // Kyligence Enterprise 4.x answers it to anyone in the v4-public type from the builds that have the open API on.
    [Get("/system/license")]
    [Headers("Accept: " + KylinOpenUserGroupsApi.MediaType)]
    Task<JsonElement> GetLicenseAsync(
        CancellationToken cancellationToken,
        [Property(KylinAuthenticationHandler.Anonymous)] bool anonymous = true);
}
