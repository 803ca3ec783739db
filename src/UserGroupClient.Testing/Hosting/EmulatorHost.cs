using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// A Kestrel server on <c>127.0.0.1</c> and a given port (0: a free one) that runs one emulator's request handler.
/// It buffers each request body, serves the <see cref="FaultInjector"/>'s faults (before the handler, or by spoiling the
/// handler's answer), records every exchange in a <see cref="RequestJournal"/> before the response leaves, and answers
/// an empty 500 if the handler throws.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RequestDelegate handler;
    private readonly TimeProvider timeProvider;

    private EmulatorHost(WebApplication app, RequestDelegate handler, TimeProvider timeProvider)
    {
        this.app = app;
        this.handler = handler;
        this.timeProvider = timeProvider;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public RequestJournal Journal { get; } = new();

    public FaultInjector Faults { get; } = new();

    public static async Task<EmulatorHost> StartAsync(RequestDelegate handler, TimeProvider timeProvider, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;

            // Real servers accept Latin-1 header bytes; rejecting them in Kestrel would hide how the server reacts.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
        });

        var app = builder.Build();
        var host = new EmulatorHost(app, handler, timeProvider);
        app.Run(host.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var listening = new Uri(addresses.Addresses.First());
        host.BaseAddress = new Uri($"http://127.0.0.1:{listening.Port}/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static Dictionary<string, string> CopyHeaders(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            copy[name] = values.ToString();
        }

        return copy;
    }

    private static async Task ServeFaultAsync(HttpContext context, EmulatedFault fault)
    {
        // The status is set before the delay so that a request the client gives up on is journaled with it.
        context.Response.StatusCode = fault.StatusCode;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (fault.ContentType is not null)
        {
            context.Response.ContentType = fault.ContentType;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            // Real time on purpose: the delay must outlast a client's real attempt timeout, whatever the emulator's clock.
            await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        var body = Encoding.UTF8.GetBytes(fault.Body);
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpContext context, EmulatedFault? fault, MemoryStream buffer, Stream wire)
    {
        var aborted = context.RequestAborted;
        switch (fault?.Kind)
        {
            case EmulatedFaultKind.ConnectionReset or EmulatedFaultKind.ResponseLost:
                context.Abort();
                return;
            case EmulatedFaultKind.TruncatedBody:
                buffer.SetLength(buffer.Length / 2);
                break;
            case EmulatedFaultKind.IncompleteBody when buffer.Length > 1:
                context.Response.ContentLength = buffer.Length;
                await wire.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)(buffer.Length / 2)), aborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);

                // No Abort here: it would reset the socket before the flushed bytes leave. Kestrel closes the connection
                // itself when an answer ends short of its Content-Length.
                return;
        }

        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(wire, aborted).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = timeProvider.GetUtcNow();
        var aborted = context.RequestAborted;
        using var requestBody = new MemoryStream();
        await context.Request.Body.CopyToAsync(requestBody, aborted).ConfigureAwait(false);
        var bodyBytes = requestBody.ToArray();
        context.Features.Set(new RequestBodyFeature(bodyBytes));
        context.Request.Body = new MemoryStream(bodyBytes, writable: false);

        var target = RequestTarget.From(context);

        // The response is buffered so that the journal entry exists before the client can see the answer, and so that
        // a fault can spoil the handler's answer after the fact.
        var wire = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var fault = Faults.TryTake(context.Request.Method, target.Path);
        try
        {
            if (fault is null || fault.RunsHandler)
            {
                await handler(context).ConfigureAwait(false);
            }
            else if (fault.Kind != EmulatedFaultKind.ConnectionReset)
            {
                await ServeFaultAsync(context, fault).ConfigureAwait(false);
            }
        }
        catch (Exception) when (!aborted.IsCancellationRequested)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        finally
        {
            context.Response.Body = wire;
            Journal.Add(new RecordedRequest(
                received,
                context.Request.Method,
                target.PathAndQuery,
                CopyHeaders(context.Request.Headers),
                Encoding.UTF8.GetString(bodyBytes),
                fault?.Kind == EmulatedFaultKind.ConnectionReset ? 0 : context.Response.StatusCode,
                fault));
        }

        await SendAsync(context, fault, buffer, wire).ConfigureAwait(false);
    }
}
