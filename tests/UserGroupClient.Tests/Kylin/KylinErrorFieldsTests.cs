using System.Net;
using UserGroupClient.Http;
using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// Which part of a Kylin error answer becomes the exception's server message and kind: Kylin's own <c>msg</c> first,
/// then Spring Boot's <c>message</c>, then its <c>error</c>; a coded group-name refusal and a 400 by its text.
/// </summary>
public sealed class KylinErrorFieldsTests
{
    private static UserGroupApiException Map(HttpStatusCode status, string body) =>
        KylinErrorMapper.Instance.Map(new ApiErrorResponse(
            status, "GET", new Uri("http://kylin.example.com:7070/kylin/api/user_group/groups"), body, ResponseBodyReader.TryParseJson(body, complete: true), null));

    [Fact]
    public void AnotherFlavorsAnswerKeepsKylinsMessageBeforeSpringBootsFields()
    {
        var error = Map(HttpStatusCode.NotAcceptable, """{"code":"999","msg":"Kylin's own text","message":"Spring's text","error":"Not Acceptable"}""");

        Assert.IsType<UserGroupUnsupportedServerException>(error);
        Assert.Equal("Kylin's own text", error.ServerMessage);
    }

    [Fact]
    public void AnotherFlavorsSpringBootAnswerGivesItsMessageBeforeItsErrorTitle()
    {
        var error = Map(HttpStatusCode.InternalServerError, """{"status":500,"error":"Internal Server Error","message":"/kylin/api/user_group/groups API of version v2 is no longer supported"}""");
        var titleOnly = Map(HttpStatusCode.InternalServerError, """{"status":500,"error":"Internal Server Error"}""");

        Assert.IsType<UserGroupUnsupportedServerException>(error);
        Assert.Equal("/kylin/api/user_group/groups API of version v2 is no longer supported", error.ServerMessage);
        Assert.Equal("Internal Server Error", titleOnly.ServerMessage);
    }

    [Fact]
    public void ACodedGroupNameRefusalIsABuiltInGroupOnlyWhenItSaysTheGroupCannotBeDeleted()
    {
        var refused = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.BadRequest, """{"code":"999","msg":"The group name can't contain '*'.","error_code":"KE-010004003"}"""));
        var builtIn = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.BadRequest, """{"code":"999","msg":"The group ALL_USERS cannot be deleted.","error_code":"KE-010004003"}"""));

        Assert.Equal(["The group name can't contain '*'."], refused.FieldErrors["non_field_errors"]);
        Assert.False(refused.FieldErrors.ContainsKey("groupName"));
        Assert.Equal(["The group ALL_USERS cannot be deleted."], builtIn.FieldErrors["groupName"]);
    }

    [Fact]
    public void ABadRequestThatDoesNotSayAUserIsLockedIsAValidationError()
    {
        var error = Map(HttpStatusCode.BadRequest, """{"code":"999","msg":"Required String parameter 'project' is not present"}""");

        Assert.IsType<UserGroupValidationException>(error);
        Assert.Equal("Required String parameter 'project' is not present", error.ServerMessage);
    }
}
