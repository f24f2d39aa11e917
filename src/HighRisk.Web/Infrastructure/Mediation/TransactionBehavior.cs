using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Infrastructure.Mediation;

/// <summary>
/// Every command runs in one database transaction (joining one the request already opened, such as the idempotency
/// record's), so that a command's writes, its re-grading and its outbox rows land together or not at all.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(HighRiskDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
