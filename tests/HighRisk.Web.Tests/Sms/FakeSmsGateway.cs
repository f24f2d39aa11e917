using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HighRisk.SmsProviders.Tests;

/// <summary>How every request fails, until the fake recovers (<see cref="FakeSmsGateway.FailWith"/>).</summary>
public enum GatewayFailure
{
    None,

    /// <summary>HTTP 500 InternalError.</summary>
    ServerError,

    /// <summary>HTTP 503 ServiceUnavailable.</summary>
    Unavailable,

    /// <summary>HTTP 429 Throttling.</summary>
    TooManyRequests,

    /// <summary>No answer: the request waits until the client gives up.</summary>
    Hang,

    /// <summary>The connection is closed under the request, before the fake does anything with it.</summary>
    DropConnection,

    /// <summary>The fake takes the message (delivers it, remembers its idempotency key), then closes the connection instead of answering.</summary>
    LoseAnswer,
}

/// <summary>One message the fake delivered to a handset.</summary>
public sealed record FakeSms(string Phone, string SignName, string TemplateCode, string? TemplateParams, string OutId, string BizId);

/// <summary>
/// A local SMS gateway for the tests, on 127.0.0.1 at a free port: Alibaba Cloud SendSms at <c>/</c> (see
/// FakeSmsGateway.Aliyun.cs) and a HighRisk webhook receiver at <c>/webhook</c> (FakeSmsGateway.Webhook.cs). Both
/// verify signatures, de-duplicate on the idempotency key and record what reached a handset. It can be told to fail a
/// number, throttle, hang, go down, and recover. Thread-safe: one lock guards all state.
/// </summary>
public sealed partial class FakeSmsGateway : IAsyncDisposable
{
    public const string DefaultTemplateCode = "SMS_000000001";

    private static readonly Lock SharedGate = new();
    private static FakeSmsGateway? _shared;

    private const string LoseAnswerItem = "lose-answer";

    private readonly Lock _gate = new();
    private WebApplication? _server;
    private TimeSpan? _hang;
    private bool _unavailable;
    private GatewayFailure _failure;

    private FakeSmsGateway()
    {
    }

    public string AccessKeyId { get; } = "LTAI-fake-highrisk";

    public string AccessKeySecret { get; } = "fake-secret-for-tests-only";

    public string SignName { get; } = "高危孕产妇管理";

    /// <summary>The neutral signature registered for reminders to the women themselves (seeds/policy/reminders.json).</summary>
    public string ReminderSignName { get; } = "妇幼保健";

    /// <summary>The secret in the receipt address set in the (fake) console: …/api/sms/receipts/aliyun?token=….</summary>
    public string ReceiptToken { get; } = "fake-receipt-token-for-tests-only-0123456789";

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>
    /// One fake for the whole test run, started on first use, so that the service under test (configured once, at its
    /// start) can deliver SMS through Alibaba Cloud's protocol to it. Tests using it should <see cref="Reset"/> first.
    /// </summary>
    public static FakeSmsGateway Shared => StartShared();

    /// <summary>Settings for an Alibaba Cloud gateway pointed at this fake, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> AliyunSettings => new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "aliyun",
        ["Sms:Aliyun:Endpoint"] = BaseAddress.ToString(),
        ["Sms:Aliyun:AccessKeyId"] = AccessKeyId,
        ["Sms:Aliyun:AccessKeySecret"] = AccessKeySecret,
        ["Sms:Aliyun:SignName"] = SignName,
        ["Sms:Aliyun:DefaultTemplateCode"] = DefaultTemplateCode,
        ["Sms:Aliyun:ReceiptToken"] = ReceiptToken,
    };

    /// <summary>The same settings as environment variables (Section__Key), for a service that reads them at start-up.</summary>
    public IReadOnlyDictionary<string, string> AliyunEnvironment =>
        AliyunSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var fake = new FakeSmsGateway();
        await fake.ListenAsync(0);
        return fake;
    }

    /// <summary>Starts <see cref="Shared"/> if it is not running yet and returns it.</summary>
    public static FakeSmsGateway StartShared()
    {
        lock (SharedGate)
        {
            return _shared ??= StartAsync().GetAwaiter().GetResult();
        }
    }

    public static async Task StopSharedAsync()
    {
        FakeSmsGateway? shared;
        lock (SharedGate)
        {
            (shared, _shared) = (_shared, null);
        }

        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
    }

    /// <summary>Every request from now on waits this long (beyond the client's timeout) before it is answered.</summary>
    public void Hang(TimeSpan delay)
    {
        lock (_gate)
        {
            _hang = delay;
        }
    }

    /// <summary>From now on every request (Alibaba Cloud and webhook alike) fails this way, until <see cref="RecoverAsync"/>.</summary>
    public void FailWith(GatewayFailure failure)
    {
        lock (_gate)
        {
            _failure = failure;
        }
    }

    /// <summary>Down: the port refuses connections (the server stops), or, with <paramref name="refuseConnections"/> false, every request gets 503.</summary>
    public async Task GoDownAsync(bool refuseConnections = true)
    {
        if (!refuseConnections)
        {
            lock (_gate)
            {
                _unavailable = true;
            }

            return;
        }

        WebApplication? server;
        lock (_gate)
        {
            (server, _server) = (_server, null);
        }

        if (server is not null)
        {
            await StopAsync(server);
        }
    }

    /// <summary>Healthy again on the same port: no hang, no 503, no throttling, no failing numbers, no scripted webhook answers.</summary>
    public async Task RecoverAsync()
    {
        bool stopped;
        lock (_gate)
        {
            _hang = null;
            _unavailable = false;
            _failure = GatewayFailure.None;
            _throttledRequests = 0;
            _illegalNumbers.Clear();
            _webhookAnswers.Clear();
            stopped = _server is null;
        }

        if (stopped)
        {
            await ListenAsync(Port);
        }
    }

    /// <summary>Recovers and forgets every request, delivery and idempotency key.</summary>
    public async Task ResetAsync()
    {
        await RecoverAsync();
        lock (_gate)
        {
            _aliyunRequests = 0;
            _aliyunRepeats = 0;
            _delivered.Clear();
            _bizIdByOutId.Clear();
            _sentAt.Clear();
            _aliyunQueries = 0;
            _usedNonces.Clear();
            _webhookRequests = 0;
            _webhookRepeats = 0;
            _webhookDelivered.Clear();
            _webhookIdByKey.Clear();
        }
    }

    /// <summary>Synchronous <see cref="ResetAsync"/>, for a [SetUp] that is not async.</summary>
    public void Reset() => ResetAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        WebApplication? server;
        lock (_gate)
        {
            (server, _server) = (_server, null);
        }

        if (server is not null)
        {
            await StopAsync(server);
        }
    }

    private static async Task StopAsync(WebApplication server)
    {
        // A hanging request must not hold the stop up: its connection is aborted after a second.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await server.StopAsync(grace.Token);
        await server.DisposeAsync();
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var server = builder.Build();
        server.Run(AnswerAsync);
        await server.StartAsync();
        lock (_gate)
        {
            _server = server;
            Port = new Uri(server.Urls.Single()).Port;
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        TimeSpan? hang;
        bool unavailable;
        GatewayFailure failure;
        var webhook = context.Request.Path == "/webhook";
        lock (_gate)
        {
            if (webhook)
            {
                _webhookRequests++;
            }
            else
            {
                _aliyunRequests++;
            }

            hang = _failure == GatewayFailure.Hang ? TimeSpan.FromMinutes(10) : _hang;
            unavailable = _unavailable;
            failure = _failure;
        }

        switch (failure)
        {
            case GatewayFailure.ServerError:
                await WriteAsync(context, HttpStatusCode.InternalServerError, new { Code = "InternalError", Message = "The request processing has failed due to some unknown error." });
                return;
            case GatewayFailure.TooManyRequests:
                await WriteAsync(context, HttpStatusCode.TooManyRequests, new { Code = "Throttling.User", Message = "Request was denied due to user flow control." });
                return;
            case GatewayFailure.Unavailable:
                unavailable = true;
                break;
            case GatewayFailure.DropConnection:
                context.Abort();
                return;
            case GatewayFailure.LoseAnswer:
                context.Items[LoseAnswerItem] = true;
                break;
        }

        if (hang is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (unavailable)
        {
            await WriteAsync(context, HttpStatusCode.ServiceUnavailable, new { Code = "ServiceUnavailable", Message = "The request has failed due to a temporary failure of the server." });
        }
        else if (webhook)
        {
            await AnswerWebhookAsync(context);
        }
        else
        {
            await AnswerAliyunAsync(context);
        }
    }

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, object body)
    {
        if (context.Items.ContainsKey(LoseAnswerItem))
        {
            context.Abort();   // taken, and the answer never arrives
            return;
        }

        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
