using Refit;

namespace UserGroupClient.Tests.Http;

/// <summary>A caller's own Refit interface, for <c>CreateApi</c>: a page it reads itself, streamed.</summary>
public interface ICallerPage : IDisposable
{
    [Get("/oserve/v1/user-group/")]
    Task<HttpResponseMessage> OpenAsync([Property(UserGroupRequestProperties.StreamedResponse)] bool streamed = true);
}
