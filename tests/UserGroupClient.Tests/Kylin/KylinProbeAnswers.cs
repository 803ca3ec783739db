using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>What each flavor answers to the unauthenticated <c>GET kylin/api/admin/version</c> (docs/wire/kylin.md §10).</summary>
internal static class KylinProbeAnswers
{
    public const string Kylin5Refusal =
        """{"code":"999","data":null,"msg":"KE-010003207: Can't authenticate. Please login again.","stacktrace":"","exception":"","url":"http://kylin.example.com:7070/kylin/api/admin/version","suggestion":"","error_code":"KE-010003207"}""";

    public const string Enterprise4Refusal =
        """{"code":"999","data":null,"msg":"KE-010003007(User Unauthorized):Unable to authenticate. Please login again.","stacktrace":"","exception":"","url":"http://kylin.example.com:7070/kylin/api/admin/version"}""";

    public const string KapRefusal =
        """{"code":"999","data":null,"msg":"Full authentication is required to access this resource","stacktrace":"","exception":"Full authentication is required to access this resource","url":"http://kylin.example.com:7070/kylin/api/admin/version"}""";

    public static HttpResponseMessage Of(KylinFlavor flavor) => flavor switch
    {
        KylinFlavor.Apache3 => StubHandler.Json(HttpStatusCode.OK, """{"kylin.version":"Apache kylin 3.1.3","kylin.version.commitId":"d7a3c4f"}"""),
        KylinFlavor.Apache4 => StubHandler.Json(HttpStatusCode.OK, """{"kylin.version":"Apache kylin 4.0.5","kylin.version.commitId":"e1b2c3d"}"""),
        KylinFlavor.Kylin5 => StubHandler.Json(HttpStatusCode.Unauthorized, Kylin5Refusal),
        KylinFlavor.KyligenceEnterprise4 => StubHandler.Json(HttpStatusCode.Unauthorized, Enterprise4Refusal),
        _ => StubHandler.Json(HttpStatusCode.Unauthorized, KapRefusal),
    };

    public static string Name(KylinFlavor flavor) => flavor switch
    {
        KylinFlavor.Apache3 => "Apache Kylin 3.x",
        KylinFlavor.Apache4 => "Apache Kylin 4.x",
        KylinFlavor.Kylin5 => "Kylin 5",
        KylinFlavor.KyligenceEnterprise4 => "Kyligence Enterprise 4.x",
        _ => "KAP / Kyligence Enterprise 3.x",
    };

    public static bool IsProbe(HttpRequestMessage request) => request.RequestUri!.AbsolutePath.EndsWith("/admin/version", StringComparison.Ordinal);
}
