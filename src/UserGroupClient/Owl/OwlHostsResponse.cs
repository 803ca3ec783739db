namespace UserGroupClient.Owl;

/// <summary><c>GET /api/v1/hosts</c> (<c>hosts</c>, <c>total</c>) and <c>GET /api/v1/groups/{id}/hosts</c> (<c>hosts</c>, <c>metric_count</c>, <c>host_count</c>).</summary>
internal sealed class OwlHostsResponse : OwlEnvelope
{
    public List<OwlHost>? Hosts { get; init; }

    public int? Total { get; init; }

    public int? MetricCount { get; init; }

    public int? HostCount { get; init; }
}
