using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// Listens to the SDK's attempt duration histogram and keeps the measurements of one client, named by the test: those
/// of other tests measuring at the same time carry other client names and are left out.
/// </summary>
internal sealed class AttemptDurations : IDisposable
{
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly MeterListener _listener;

    public AttemptDurations(string client)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == UserGroupClientTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var named = tags.ToArray();
            if (instrument.Name == "http.client.request.duration" && named.Any(t => t.Key == "usergroupclient.client" && Equals(t.Value, client)))
            {
                _measured.Enqueue(new Measured(value, [.. named.OrderBy(t => t.Key, StringComparer.Ordinal)]));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<Measured> Measured => [.. _measured];

    public void Dispose() => _listener.Dispose();
}

/// <summary>One duration measurement: the seconds and the tags, ordered by name.</summary>
internal sealed record Measured(double Seconds, IReadOnlyList<KeyValuePair<string, object?>> Tags);
