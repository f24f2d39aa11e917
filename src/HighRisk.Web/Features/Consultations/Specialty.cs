namespace HighRisk.Features.Consultations;

/// <summary>The specialties expert pools answer for (labels in Chinese: Localization/Labels.Consultations.cs).</summary>
public enum Specialty
{
    /// <summary>产科.</summary>
    Obstetrics,

    /// <summary>内科.</summary>
    InternalMedicine,

    /// <summary>心内科: heart disease in pregnancy, the commonest reason for a red grade.</summary>
    Cardiology,

    /// <summary>外科.</summary>
    Surgery,

    /// <summary>感染科: purple women (HIV, syphilis, hepatitis B).</summary>
    InfectiousDisease,

    /// <summary>精神科.</summary>
    Psychiatry,

    /// <summary>新生儿科.</summary>
    Neonatology,

    /// <summary>麻醉科.</summary>
    Anaesthesia,

    /// <summary>其他.</summary>
    Other,
}
