using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Infrastructure.Mediation;

/// <summary>An aggregate that raises domain events as its state changes; they wait on it until dispatched.</summary>
public interface IRaisesDomainEvents
{
    IReadOnlyList<INotification> Events { get; }

    void ClearEvents();
}

/// <summary>
/// The one step that dispatches domain events: after a command's handler, before the unit of work is saved
/// (TransactionBehavior), so that what the events' handlers write (alert and SMS outbox rows) commits with the change
/// that raised them. A handler's own writes may raise further events; they are dispatched in the same step.
/// </summary>
public sealed class DomainEventDispatcher(HighRiskDb db, IPublisher publisher)
{
    public async Task DispatchAsync(CancellationToken ct)
    {
        while (TakeEvents() is { Count: > 0 } events)
        {
            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, ct);
            }
        }
    }

    /// <summary>The events of every tracked aggregate, taken off them. Aggregates that raise events are tracked entities
    /// already (loaded or added), so the change tracker need not scan for new ones first.</summary>
    private List<INotification> TakeEvents()
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var events = new List<INotification>();
            foreach (var entry in tracker.Entries<IRaisesDomainEvents>())
            {
                events.AddRange(entry.Entity.Events);
                entry.Entity.ClearEvents();
            }

            return events;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
