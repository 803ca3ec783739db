using System.Net;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Errors;

/// <summary>
/// What a <see cref="UserGroupApiException"/> tells its catcher: its message names the request (without its query), the
/// status and the vendor's code when it has them, and its properties carry the facts the error mapper recorded.
/// </summary>
public sealed class ApiExceptionReportTests
{
    private static readonly Uri Address = new("https://jms.example.com/api/v1/users/groups/?name=ops&token=hidden");

    [Fact]
    public void AnExceptionWithoutAMessageSaysTheRequestFailed()
    {
        Assert.Equal("The user-group server request failed.", new UserGroupApiException().Message);
        Assert.Equal("The user-group server request failed.", new UserGroupNotFoundException().Message);
    }

    [Fact]
    public void TheMessageNamesTheRequestItsStatusAndTheVendorsCode()
    {
        var error = new UserGroupConflictException("Name taken.")
        {
            RequestMethod = "POST",
            RequestUri = Address,
            StatusCode = HttpStatusCode.Conflict,
            ErrorCode = "unique",
        };

        Assert.Equal("Name taken. (POST https://jms.example.com/api/v1/users/groups/ → 409, code unique)", error.Message);
    }

    [Fact]
    public void WhatIsNotKnownIsLeftOutOfTheMessage()
    {
        Assert.Equal("Lost. (GET https://jms.example.com/api/v1/users/groups/)", new UserGroupApiException("Lost.") { RequestMethod = "GET", RequestUri = Address }.Message);
        Assert.Equal("Refused. (GET https://jms.example.com/api/v1/users/groups/ → 400)", new UserGroupApiException("Refused.") { RequestMethod = "GET", RequestUri = Address, StatusCode = HttpStatusCode.BadRequest }.Message);
        Assert.Equal("Coded. (GET https://jms.example.com/api/v1/users/groups/, code E1)", new UserGroupApiException("Coded.") { RequestMethod = "GET", RequestUri = Address, ErrorCode = "E1" }.Message);
        Assert.Equal("No request.", new UserGroupApiException("No request.") { RequestMethod = "GET", StatusCode = HttpStatusCode.BadRequest }.Message);
        Assert.Equal("No method.", new UserGroupApiException("No method.") { RequestUri = Address, ErrorCode = "E1" }.Message);
    }

    [Fact]
    public void TheMapperRecordsTheAnswersFactsOnTheException()
    {
        var error = JumpServerErrorMapper.Instance.Map(new ApiErrorResponse(
            HttpStatusCode.BadRequest, "PATCH", Address, """{"detail":"Bad name.","code":"invalid"}""", ResponseBodyReader.TryParseJson("""{"detail":"Bad name.","code":"invalid"}""", complete: true), null));

        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid", error.ErrorCode);
        Assert.Equal("Bad name.", error.ServerMessage);
        Assert.Equal("PATCH", error.RequestMethod);
        Assert.Equal(Address, error.RequestUri);
        Assert.Equal("""{"detail":"Bad name.","code":"invalid"}""", error.ResponseBody);
    }

    [Fact]
    public void ACallWithoutAnAnswerRecordsOnlyTheRequest()
    {
        var error = new UserGroupApiException("Not sent.", new HttpRequestException("refused")).WithRequest("Owl", "DELETE", Address);

        Assert.Equal("Owl", error.Dialect);
        Assert.Equal("DELETE", error.RequestMethod);
        Assert.Equal(Address, error.RequestUri);
        Assert.Null(error.StatusCode);
        Assert.Equal("Not sent. (DELETE https://jms.example.com/api/v1/users/groups/)", error.Message);
    }

    [Fact]
    public void UnknownIdsAreListedInTheOrderTheRequestGaveThem()
    {
        var error = Assert.Throws<UserGroupUnknownIdsException>(
            () => UserGroupUnknownIdsException.ThrowIfAny([9, 3, 7, 1000], new HashSet<int> { 3 }, "Owl", "Owl user groups", "user"));

        Assert.Equal("Owl user groups: no user has id 9, 7, 1000; nothing was changed.", error.Message);
        Assert.Equal("Owl", error.Dialect);
        Assert.Equal(["9", "7", "1000"], error.UnknownIds);
    }

    [Fact]
    public void KnownIdsAreNoError()
    {
        UserGroupUnknownIdsException.ThrowIfAny([3, 3], new HashSet<int> { 3, 4 }, "Owl", "Owl user groups", "user");
        UserGroupUnknownIdsException.ThrowIfAny(Array.Empty<int>(), new HashSet<int>(), "Owl", "Owl user groups", "user");
        Assert.Empty(new UserGroupUnknownIdsException().UnknownIds);
        Assert.Empty(new UserGroupValidationException().FieldErrors);
    }
}
