using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>Which object an empty create or update answer leads to: the id the call knew, else the one its <c>Location</c> names.</summary>
public sealed class MinAppLocationAnswerTests
{
    private static MinAppStub Stub(HttpStatusCode status, string location)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = request =>
        {
            if (request.Method == HttpMethod.Get)
            {
                var id = request.RequestUri!.AbsolutePath.TrimEnd('/').Split('/')[^1];
                return StubHandler.Json(HttpStatusCode.OK, $$"""{"id": {{id}}, "name": "read", "parent": null}""");
            }

            var answer = new HttpResponseMessage(status);
            answer.Headers.Location = new Uri(location, UriKind.Relative);
            return answer;
        };
        return stub;
    }

    [Fact]
    public async Task AnEmptyUpdateAnswerReadsTheUpdatedGroupWhateverItsLocationNames()
    {
        using var stub = Stub(HttpStatusCode.NoContent, "/oserve/v1/user-group/99/");

        var group = await stub.Client.UserGroups.UpdateAsync(5, new MinAppUserGroupUpdate("read"));

        Assert.Equal(5, group.Id);
        Assert.Equal("GET /oserve/v1/user-group/5/", $"{stub.Handler.Requests[1].Method} {stub.Handler.Requests[1].PathAndQuery}");
    }

    [Theory]
    [InlineData("/oserve/v1/user-group/0/")]
    [InlineData("/oserve/v1/user-group/new/")]
    public async Task ACreateWhoseLocationNamesNoValidIdIsAnErrorAndReadsNothing(string location)
    {
        using var stub = Stub(HttpStatusCode.Created, location);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("made")));

        Assert.Equal("MinApp: the server answered the create with neither the new object nor a Location naming it. (POST https://minapp.test/oserve/v1/user-group/ → 201)", error.Message);
        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
        Assert.Single(stub.Handler.Requests);
    }
}
