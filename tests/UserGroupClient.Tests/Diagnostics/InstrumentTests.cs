using System.Diagnostics.Metrics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The instruments the SDK's meter publishes to a listener, named as OpenTelemetry's HTTP client conventions and
/// exporters expect: the attempt duration histogram in seconds and the retry counter.
/// </summary>
public sealed class InstrumentTests
{
    [Fact]
    public void TheMeterPublishesTheAttemptDurationInSecondsAndTheRetryCount()
    {
        var meter = UserGroupClientTelemetry.Meter;
        var published = new List<(string Name, string? Unit, string? Description, Type Type)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    published.Add((instrument.Name, instrument.Unit, instrument.Description, instrument.GetType()));
                }
            },
        };

        listener.Start();

        Assert.Equal(UserGroupClientTelemetry.Name, meter.Name);
        Assert.Equal(
            [
                ("http.client.request.duration", "s", "Duration of HTTP attempts the SDK sent.", typeof(Histogram<double>)),
                ("usergroupclient.client.retries", "{retry}", "Attempts resent by the resilience pipeline.", typeof(Counter<long>)),
            ],
            published.OrderBy(p => p.Name, StringComparer.Ordinal));
    }
}
