using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Risk;

/// <summary>Writes every grade change to the log (ids and colours only, never personal data).</summary>
public sealed partial class LogGradeChange(ILogger<LogGradeChange> log) : INotificationHandler<GradeChanged>
{
    public ValueTask Handle(GradeChanged notification, CancellationToken cancellationToken)
    {
        var change = notification.Change;
        LogChange(log, change.PregnancyId, change.FromColour?.ToApiName() ?? "none", change.ToColour.ToApiName(), change.ToPurple, change.Cause);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pregnancy {PregnancyId} graded {From} -> {To} (purple {Purple}) on {Cause}")]
    private static partial void LogChange(ILogger logger, Guid pregnancyId, string from, string to, bool purple, GradeCause cause);
}
