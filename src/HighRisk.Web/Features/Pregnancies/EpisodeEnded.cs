namespace HighRisk.Features.Pregnancies;

/// <summary>Her episode is over: the pregnancy closed with an outcome other than a birth, or the 42-day check after the birth was made.</summary>
public sealed record EpisodeEnded(Pregnancy Pregnancy) : Mediator.INotification;

/// <summary>Her follow-up state changed through a change of the pregnancy (a contact, an exam, a close); the daily job's review writes its own.</summary>
public sealed record FollowUpStateChanged(Pregnancy Pregnancy, FollowUps.FollowUpState From) : Mediator.INotification;

/// <summary>Her next due date, its kind, her last contact, her colour or her status changed: her reminders follow (Features/Reminders).</summary>
public sealed record NextDueChanged(Pregnancy Pregnancy) : Mediator.INotification;
