using Microsoft.Extensions.Logging;
using Polly;

namespace UserGroupClient.Http;

/// <summary>What an <see cref="ApiConnection"/> needs besides its pipeline.</summary>
/// <param name="ClientName">The client's name in logs and metrics.</param>
/// <param name="TimeProvider">The clock for timeouts and durations.</param>
/// <param name="Timeout">How long one call may take in all.</param>
/// <param name="MaxResponseContentBytes">The largest success body that is read.</param>
/// <param name="Logger">Where calls are logged.</param>
/// <param name="Secrets">The client's secret values, masked in error texts.</param>
/// <param name="PageRetry">Asks again for a streamed page whose body broke off in transit; <see cref="ResiliencePipeline.Empty"/> never does.</param>
internal sealed record ApiConnectionSettings(string ClientName, TimeProvider TimeProvider, TimeSpan Timeout, long MaxResponseContentBytes, ILogger Logger, KnownSecrets Secrets, ResiliencePipeline PageRetry);
