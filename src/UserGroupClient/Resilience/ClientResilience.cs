using Polly;
using Polly.CircuitBreaker;

namespace UserGroupClient.Resilience;

/// <summary>A client's resilience pipeline and what its circuit breaker says of the circuit.</summary>
/// <param name="Pipeline">Retry → circuit breaker, shared by all the client's calls.</param>
/// <param name="Circuit">The state of the pipeline's circuit breaker.</param>
internal sealed record ClientResilience(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider Circuit);
