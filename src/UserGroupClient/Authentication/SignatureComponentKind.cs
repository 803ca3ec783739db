namespace UserGroupClient.Authentication;

/// <summary>What a covered component stands for (RFC 9421 §2.1 and §2.2).</summary>
internal enum SignatureComponentKind
{
    /// <summary>An HTTP field.</summary>
    Field,

    /// <summary><c>@method</c>.</summary>
    Method,

    /// <summary><c>@target-uri</c>.</summary>
    TargetUri,

    /// <summary><c>@authority</c>.</summary>
    Authority,

    /// <summary><c>@scheme</c>.</summary>
    Scheme,

    /// <summary><c>@request-target</c>.</summary>
    RequestTarget,

    /// <summary><c>@path</c>.</summary>
    Path,

    /// <summary><c>@query</c>.</summary>
    Query,

    /// <summary><c>@query-param</c>.</summary>
    QueryParameter,

    /// <summary><c>@status</c>.</summary>
    Status,
}
