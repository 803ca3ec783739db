namespace UserGroupClient.Owl;

/// <summary>One page of <c>GET /api/v1/groups/{id}/hosts</c>. Owl reports no total: a page shorter than the page size is the last.</summary>
/// <param name="Hosts">The page's hosts.</param>
/// <param name="MetricCount">The group's metric count, when reported (absent on an empty page).</param>
/// <param name="HostCount">The number of hosts on this page, when reported.</param>
public sealed record OwlGroupHostPage(IReadOnlyList<OwlHost> Hosts, int? MetricCount, int? HostCount);
