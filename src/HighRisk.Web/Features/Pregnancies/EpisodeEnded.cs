namespace HighRisk.Features.Pregnancies;

/// <summary>Her episode is over: the pregnancy closed with an outcome other than a birth, or the 42-day check after the birth was made.</summary>
public sealed record EpisodeEnded(Pregnancy Pregnancy) : Mediator.INotification;
