using Refit;

namespace UserGroupClient.Tests.Http;

/// <summary>A caller's own Refit interface, for <c>CreateApi</c>: an action on a resource that sends no body, only a header.</summary>
public interface ICallerAction : IDisposable
{
    [Post("/oserve/v1/user-group/{id}/lock/")]
    Task LockAsync(long id, [Header("X-Reason")] string reason);
}
