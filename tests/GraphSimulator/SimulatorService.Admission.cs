using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>What a Graph endpoint checks before its own work, in this order; the first check that fails answers the request.</summary>
internal enum Admission
{
    /// <summary>No check: the request is answered as it is (the 404 of an unknown path).</summary>
    None,

    /// <summary>The bearer token, then a scripted fault: organization and the $batch envelope, which cost no throttle token.</summary>
    TokenAndScriptedFault,

    /// <summary>The bearer token, the app's throttle bucket, then a scripted or random fault: the data endpoints.</summary>
    Full,
}

/// <summary>
/// The preamble every Graph endpoint shares, applied in one place: each request, direct or inside a $batch, is logged,
/// admitted as its endpoint's <see cref="Admission"/> says, and only then handed to the endpoint's own work. Not
/// ASP.NET middleware: the inner requests of a $batch run through the handlers without the ASP.NET pipeline, and
/// each must still cost a throttle token and meet the faults.
/// </summary>
internal sealed partial class SimulatorService
{
    /// <summary>Runs one Graph request: admitted, then <paramref name="work"/>; logged whatever happens.</summary>
    private async Task HandleAsync(HttpContext context, Admission admission, Func<Exchange, Task> work, Throttle? bucket = null)
    {
        var exchange = new Exchange(this, context);
        try
        {
            if (await AdmitAsync(exchange, admission, bucket ?? throttle))
            {
                await work(exchange);
            }
        }
        finally
        {
            exchange.Log();
        }
    }

    /// <summary>False when a check has already answered the request (an error, a throttle, a fault's response).</summary>
    private async Task<bool> AdmitAsync(Exchange exchange, Admission admission, Throttle bucket)
    {
        if (admission == Admission.None)
        {
            return true;
        }

        if (!await AuthorizeAsync(exchange))
        {
            return false;
        }

        (FaultKind Kind, TimeSpan? RetryAfter)? fault;
        if (admission == Admission.Full)
        {
            // One bucket per app for every Graph endpoint: the simulator models a single Graph limit, not per-service ones.
            // The Log Analytics query API has its own (per user: 200 queries per 30 s).
            if (bucket.TryAcquire(exchange.AppKey!) is { } wait)
            {
                await exchange.ErrorAsync(GraphError.Throttled, retryAfter: wait);
                return false;
            }

            fault = Faults.Take(exchange.Request) is { } rule ? (rule.Kind, rule.RetryAfter) : randomFaults.Draw(exchange.Request) is { } kind ? (kind, null) : null;
        }
        else
        {
            fault = Faults.Take(exchange.Request) is { } rule ? (rule.Kind, rule.RetryAfter) : null;
        }

        exchange.Fault = fault?.Kind;
        return fault is not { } f || !await ErrorFaultAsync(exchange, f.Kind, f.RetryAfter);
    }

    private async Task<bool> AuthorizeAsync(Exchange exchange)
    {
        if (exchange.Token is null)
        {
            await exchange.ErrorAsync(GraphError.MissingToken);
            return false;
        }

        if (acceptedTokens is not null && !acceptedTokens.Contains(exchange.Token))
        {
            await exchange.ErrorAsync(GraphError.InvalidToken);
            return false;
        }

        return true;
    }

    /// <summary>Sends the fault's response; false when the fault only changes the page (or does not apply).</summary>
    private async Task<bool> ErrorFaultAsync(Exchange exchange, FaultKind kind, TimeSpan? retryAfter)
    {
        var wait = Scale(retryAfter ?? TimeSpan.FromSeconds(2));
        switch (kind)
        {
            case FaultKind.ServiceUnavailable:
                await exchange.ErrorAsync(GraphError.ServiceUnavailable, wait);
                return true;
            case FaultKind.ServiceUnavailableNoRetryAfter:
                await exchange.ErrorAsync(GraphError.ServiceUnavailable);
                return true;
            case FaultKind.InternalServerError:
                await exchange.ErrorAsync(GraphError.InternalServerError);
                return true;
            case FaultKind.GatewayTimeout:
                await exchange.ErrorAsync(GraphError.GatewayTimeout);
                return true;
            case FaultKind.Throttled:
                await exchange.ErrorAsync(GraphError.Throttled, wait);
                return true;
            case FaultKind.DropConnection:
                exchange.Abort();
                return true;
            case FaultKind.ExpiredSkipToken when exchange.Request.HasSkipToken:
                await exchange.ErrorAsync(GraphError.ExpiredSkipToken);
                return true;
            case FaultKind.Unauthorized:
                await exchange.ErrorAsync(GraphError.InvalidToken);
                return true;
            case FaultKind.NonPremiumTenant:
                await exchange.ErrorAsync(GraphError.NonPremiumTenant);
                return true;
            case FaultKind.UnsupportedUserRole:
                await exchange.ErrorAsync(GraphError.UnsupportedUserRole);
                return true;
            case FaultKind.MissingScope:
                await exchange.ErrorAsync(GraphError.MissingScope);
                return true;
            default:
                return false;
        }
    }
}
