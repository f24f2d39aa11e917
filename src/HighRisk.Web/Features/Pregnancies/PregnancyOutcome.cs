namespace HighRisk.Features.Pregnancies;

public enum PregnancyStatus
{
    Open,
    Closed,
}

public enum PregnancyOutcome
{
    Delivery,
    Miscarriage,
    Termination,
    MovedAway,
    MaternalDeath,

    /// <summary>A second record of a woman booked twice, merged by an administrator into the record that is kept (undoable for 30 days).</summary>
    Merged,
}

public enum DeliveryMode
{
    Vaginal,
    AssistedVaginal,
    Cesarean,
}
