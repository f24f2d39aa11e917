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
}

public enum DeliveryMode
{
    Vaginal,
    AssistedVaginal,
    Cesarean,
}
