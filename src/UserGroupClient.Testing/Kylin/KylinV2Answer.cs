namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// How a <see cref="KylinEmulator"/> answers requests that ask for the v2 media type
/// (<c>Accept: application/vnd.apache.kylin-v2+json</c>): as KAP / Kyligence Enterprise 3.x, which serves the v2
/// <c>user_group</c> API, or as a server that does not. The other servers' own APIs are not emulated.
/// </summary>
public enum KylinV2Answer
{
    /// <summary>KAP / Kyligence Enterprise 3.x: the v2 <c>user_group</c> API (the default).</summary>
    Served,

    /// <summary>
    /// Apache Kylin 3.x/4.x, whose <c>user_group</c> handlers produce only <c>application/json</c>: after authentication,
    /// 406 where such a handler matches the path (<c>groups</c>, <c>users/{group}</c>, POST and DELETE <c>{group}</c>),
    /// 405 on a GET of any other single segment (<c>usersWithGroup</c>), and the web UI's page with 404 elsewhere
    /// (<c>groupMembers/{group}</c>). The 405 and 406 bodies are Tomcat's HTML error pages.
    /// </summary>
    ApacheKylin,

    /// <summary>
    /// Kylin 5 and Kyligence Enterprise 4.x, which keep only <c>GET user_group/usersWithGroup</c> of the v2 API: a request
    /// whose <c>Accept</c> is exactly the v2 type gets, before authentication, HTTP 500 with Spring Boot's error JSON
    /// (<c>timestamp</c>, <c>status</c>, <c>error</c>, <c>path</c>) on every other path; <c>usersWithGroup</c> is served.
    /// </summary>
    Kylin5,
}
