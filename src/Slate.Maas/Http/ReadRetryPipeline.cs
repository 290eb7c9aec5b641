using Polly;
using Polly.Retry;

namespace Slate.Maas.Http;

/// <summary>
/// Retries GETs on 503, 504, 409 with Retry-After and transport errors, waiting Retry-After when given. A refused
/// connection or an unknown host is not retried: a MAAS that is down or misnamed will not answer in seconds, and the
/// operator should hear so at once.
/// </summary>
internal static class ReadRetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(MaasClientOptions options)
    {
        if (options.ReadRetryBudget == 0) return ResiliencePipeline<HttpResponseMessage>.Empty;
        var time = options.TimeProvider;
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.ReadRetryBudget,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = options.MaxRetryDelay,
            UseJitter = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => false,
                { Exception: HttpRequestException or TimeoutException or IOException } => true,
                { Result: { } response } => MaasConnection.IsRetryableRead(response, time),
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response && MaasConnection.RetryAfter(response, time) is { } wait
                    ? (TimeSpan?)(wait < options.MaxRetryDelay ? wait : options.MaxRetryDelay)
                    : null),
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(retry).Build();
    }
}
