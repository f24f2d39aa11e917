using HighRisk.Features.Audit;
using Mediator;

namespace HighRisk.Infrastructure.Mediation;

/// <summary>
/// After a successful audited command or query, writes its audit event. It runs inside the command's transaction,
/// so a change and its audit row land together: a command's row is saved with its writes, a query's is inserted.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditTrail trail) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IAudited<TResponse> audited && audited.Audit(response) is { } entry)
        {
            if (message is IBaseCommand)
            {
                trail.Add(entry);
            }
            else
            {
                await trail.WriteAsync(entry, cancellationToken);
            }
        }

        return response;
    }
}
