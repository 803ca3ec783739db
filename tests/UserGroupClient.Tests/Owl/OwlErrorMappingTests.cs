using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>The envelope and every error shape of docs/wire/owl.md §3–§5 map to the exception a caller reacts to.</summary>
public sealed class OwlErrorMappingTests
{
    public static TheoryData<HttpStatusCode, string, Type, string?> Errors => new()
    {
        { HttpStatusCode.OK, """{"code":400,"message":"group already exists"}""", typeof(UserGroupConflictException), "400" },
        { HttpStatusCode.OK, """{"code":400,"message":"The username and phone number are not allowed to be empty"}""", typeof(UserGroupValidationException), "400" },
        { HttpStatusCode.OK, """{"code":304,"message":"password not changed"}""", typeof(UserGroupValidationException), "304" },
        { HttpStatusCode.OK, """{"code":403,"message":"You don't have permission to access."}""", typeof(UserGroupPermissionException), "403" },
        { HttpStatusCode.OK, """{"code":404,"message":"group not found"}""", typeof(UserGroupNotFoundException), "404" },
        { HttpStatusCode.OK, """{"code":500,"message":"Error 1062: Duplicate entry 'web' for key 'idx_name'"}""", typeof(UserGroupConflictException), "500" },
        { HttpStatusCode.OK, """{"code":500,"message":"Error 1452: Cannot add or update a child row: a foreign key constraint fails"}""", typeof(UserGroupApiException), "500" },
        { HttpStatusCode.OK, """{"code":200,"message":"web contains some host, is not allowed to delete"}""", typeof(UserGroupNotEmptyException), "200" },
        { HttpStatusCode.BadRequest, """{"code":400,"message":"invalid character 'x' looking for beginning of value"}""", typeof(UserGroupValidationException), "400" },
        { HttpStatusCode.Unauthorized, """{"code":401,"message":"auth header empty"}""", typeof(UserGroupAuthenticationException), "401" },
        { HttpStatusCode.Unauthorized, """{"code":401,"message":"user is disable"}""", typeof(UserGroupAuthenticationException), "401" },
        { HttpStatusCode.Forbidden, """{"code":403,"message":"You don't have permission to access."}""", typeof(UserGroupPermissionException), "403" },
        { HttpStatusCode.NotFound, """{"code":404,"message":"user not found"}""", typeof(UserGroupNotFoundException), "404" },
        { HttpStatusCode.BadGateway, "", typeof(UserGroupApiException), null },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task ErrorBodiesMapToTheRightException(HttpStatusCode status, string body, Type expected, string? errorCode)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(status, body)));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => owl.Client.HostGroups.DeleteAsync(8));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal("Owl", error.Dialect);
        Assert.Equal("DELETE", error.RequestMethod);
        Assert.Equal("/api/v1/groups/8", error.RequestUri!.AbsolutePath);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task TheVendorDocsDeleteRefusalIsNeverSuccess()
    {
        // Verbatim from the vendor doc: HTTP 200, "code": 200, and yet nothing was deleted.
        const string Refusal = "{\n  \"code\": 200,\n  \"message\": \"test_group_new contains some host, is not allowed to delete\"\n}";
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Refusal)));

        var error = await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => owl.Client.HostGroups.DeleteAsync(8));

        Assert.Equal("test_group_new contains some host, is not allowed to delete", error.ServerMessage);
    }

    [Fact]
    public async Task TheBareDeleteSuccessIsSuccess()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"message":"delete success"}""")));

        await owl.Client.HostGroups.DeleteAsync(8);

        Assert.Single(owl.Handler.Requests);
    }

    [Fact]
    public async Task AMalformedJsonAnswerWithPlainTextTypeStillMaps()
    {
        // gin writes the 400 status before the body, so the content type is sniffed as text/plain.
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.BadRequest, """{"code":400,"message":"EOF"}""", "text/plain")));

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => owl.Client.HostGroups.CreateAsync("web"));

        Assert.Equal("EOF", error.ServerMessage);
    }

    [Fact]
    public async Task AnHtmlPageOn200IsAnUnreadableResponse()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.OK, "<html>proxy</html>")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => owl.Client.HostGroups.ListAsync());

        Assert.Contains("could not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuccessCodeWithoutItsPayloadIsAnUnreadableResponse()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200}""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => owl.Client.UserGroups.CreateAsync("ops"));

        Assert.Contains("without 'group'", error.Message, StringComparison.Ordinal);
    }
}
