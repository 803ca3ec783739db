using Refit;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks.PlainRefit;

/// <summary>
/// The plain-Refit reference: the SDK's get-group declared on a bare Refit interface, as a user of Refit alone writes
/// it. The same request as the SDK's (GET, path, Accept, X-JMS-ORG, a bearer Authorization) and the same model parsed by
/// the same generated contracts (<see cref="SdkJsonContracts"/>), with nothing around it: no timeout of its own, no
/// resilience, no telemetry, no logging, no size limit, no error mapping.
/// </summary>
[Headers("Accept: application/json")]
public interface IPlainRefitJumpServer
{
    [Get("/api/v1/users/groups/{groupId}/")]
    Task<JumpServerUserGroup> GetGroupAsync([Header("X-JMS-ORG")] string organizationId, string groupId, [Authorize] string token, CancellationToken cancellationToken = default);
}
