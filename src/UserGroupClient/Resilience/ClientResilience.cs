using Polly;
using Polly.CircuitBreaker;

namespace UserGroupClient.Resilience;

/// <summary>A client's resilience pipelines and what its circuit breaker says of the circuit.</summary>
/// <param name="Pipeline">Retry → circuit breaker, shared by all the client's calls.</param>
/// <param name="Circuit">The state of the pipeline's circuit breaker.</param>
/// <param name="Pages">Asks again for a streamed page whose body broke off in transit (<see cref="Http.ApiConnection.ReadAsync"/>).</param>
internal sealed record ClientResilience(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider Circuit, ResiliencePipeline Pages);
