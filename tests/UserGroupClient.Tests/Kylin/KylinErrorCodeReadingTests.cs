using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How the <c>KE-…</c> code at the start of a Kylin 5 or Kyligence Enterprise 4.x message is read (docs/wire/kylin.md
/// §12.3): <c>KE-</c> and digits, then the older codes' <c>(Description):</c> or the newer ones' <c>:</c> before the text
/// the failure is told by.
/// </summary>
public sealed class KylinErrorCodeReadingTests
{
    [Fact]
    public void AMessageThatIsOnlyACodeIsReadAsThatCode()
    {
        var error = Map($$"""{"code": "999", "msg": "{{KylinErrorCode.GroupNotFound}}"}""");

        Assert.IsType<UserGroupNotFoundException>(error);
        Assert.Equal(KylinErrorCode.GroupNotFound, error.ErrorCode);
    }

    [Fact]
    public void OnlyAKePrefixStartsACode()
    {
        var error = Map("""{"code": "999", "msg": "XE-010004004(Duplicate):group:g1 already exists"}""");

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal("999", error.ErrorCode);
    }

    [Fact]
    public void AnUnknownCodesTextIsToldByWhatFollowsItsDescription()
    {
        var error = Map("""{"code": "999", "msg": "KE-000000001(UNKNOWN ERRORCODE): User 'bob' not found.", "error_code": null}""");

        Assert.IsType<UserGroupNotFoundException>(error);
        Assert.Equal("KE-000000001", error.ErrorCode);
    }

    [Fact]
    public void ANewerCodesTextKeepsItsParentheses()
    {
        var message = $"{KylinErrorCode.InvalidGroupName}: Failed to delete user group, ALL_USERS cannot be deleted (a built-in group).";

        var error = Assert.IsType<UserGroupValidationException>(Map($$"""{"code": "999", "msg": "{{message}}"}"""));

        Assert.Equal([message], Assert.Single(error.FieldErrors, f => f.Key == "groupName").Value);
    }

    private static UserGroupApiException Map(string body) =>
        KylinErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(HttpStatusCode.InternalServerError, body));
}
