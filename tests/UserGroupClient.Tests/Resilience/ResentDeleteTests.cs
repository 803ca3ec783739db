using System.Net;
using UserGroupClient.Tests.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A DELETE resent after its first attempt failed in transit may find the group already gone: the dialect's "not found"
/// is then the caller's own delete taking effect. Any other answer to the resend, and a "not found" to anything but a
/// DELETE, reaches the caller as it is.
/// </summary>
public sealed class ResentDeleteTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string NotFoundJson = """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}""";

    [Fact]
    public async Task AResentDeleteThatKylinAnswersDoesNotExistWithHttp500HasDoneItsWork()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? throw new HttpRequestException("connection reset")
            : KylinStub.Error(HttpStatusCode.InternalServerError, "Operation failed, group:ops does not exists"));
        using var kylin = new KylinStub(stub, o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });

        await kylin.Service.DeleteGroupAsync("ops");

        Assert.Equal(["DELETE", "DELETE"], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task AResentDeleteThatKeepsFailingReportsTheServersFailure()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? throw new HttpRequestException("connection reset")
            : StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"Server internal error"}"""));
        using var jms = Fast(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.DeleteAsync(GroupId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task AResentReadThatFindsNothingIsNotFound()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? throw new HttpRequestException("connection reset")
            : StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson));
        using var jms = Fast(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(["GET", "GET"], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task TheNotFoundAnswerToAResentDeleteIsReleased()
    {
        var notFound = new TrackedContent();
        var stub = new StubHandler((_, index) => index == 0
            ? throw new HttpRequestException("connection reset")
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = notFound });
        using var jms = Fast(stub);

        await jms.Client.UserGroups.DeleteAsync(GroupId);

        Assert.True(notFound.Disposed);
    }

    private static JumpServerStub Fast(StubHandler stub) =>
        new(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
}
