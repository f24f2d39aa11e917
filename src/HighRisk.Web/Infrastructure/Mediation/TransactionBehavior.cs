using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Mediation;

/// <summary>
/// The unit of work of every command: one database transaction (joining one the request already opened, such as the
/// idempotency record's), and after the handler, its aggregates' domain events dispatched and everything saved once, so
/// that a command's writes, its re-grading and its outbox rows land together or not at all. Handlers save only when
/// they must see the database's answer first (a unique index, say).
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(HighRiskDb db, DomainEventDispatcher events) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await next(message, cancellationToken);
            await CompleteAsync(cancellationToken);
            return joined;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await CompleteAsync(cancellationToken);
        TransactionLostException.ThrowIfLost(transaction);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (InvalidOperationException completed) when (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            throw new TransactionLostException(completed);   // the connection broke after the check: nothing was committed
        }

        return response;
    }

    /// <summary>
    /// The command's last save, without EF's savepoint around it (a <c>SAVEPOINT</c> sent with the batch and a
    /// <c>RELEASE</c> round trip after it): when this save fails, so does the command, and its whole transaction is rolled
    /// back. Saves inside a handler keep theirs, since a handler may go on after a refused write (BookPregnancy).
    /// </summary>
    private async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await events.DispatchAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }
}
