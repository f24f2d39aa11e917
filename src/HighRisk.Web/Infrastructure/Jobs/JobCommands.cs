using Mediator;

namespace HighRisk.Infrastructure.Jobs;

/// <summary>
/// How a job sends its commands: each in a scope of its own (its own unit of work and change tracker), through the same
/// mediator pipeline as a request — validation, transaction, domain events, audit.
/// </summary>
public sealed class JobCommands(IServiceScopeFactory scopes)
{
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
    }

    public async Task<TResponse> QueryAsync<TResponse>(IQuery<TResponse> query, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, ct);
    }
}
