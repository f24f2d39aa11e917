using HighRisk.Features.Consultations;

namespace HighRisk.Localization;

/// <summary>Labels of consultation's values: specialties and states.</summary>
public static partial class Labels
{
    public static Text Specialty(Specialty specialty) => specialty switch
    {
        Features.Consultations.Specialty.Obstetrics => new("产科", "Obstetrics"),
        Features.Consultations.Specialty.InternalMedicine => new("内科", "Internal medicine"),
        Features.Consultations.Specialty.Cardiology => new("心内科", "Cardiology"),
        Features.Consultations.Specialty.Surgery => new("外科", "Surgery"),
        Features.Consultations.Specialty.InfectiousDisease => new("感染科", "Infectious diseases"),
        Features.Consultations.Specialty.Psychiatry => new("精神科", "Psychiatry"),
        Features.Consultations.Specialty.Neonatology => new("新生儿科", "Neonatology"),
        Features.Consultations.Specialty.Anaesthesia => new("麻醉科", "Anaesthesia"),
        _ => new("其他专科", "Other"),
    };

    public static Text ConsultationStatus(ConsultationStatus status) => status switch
    {
        Features.Consultations.ConsultationStatus.Open => new("待接诊", "Waiting for an expert"),
        Features.Consultations.ConsultationStatus.Taken => new("已接诊", "Taken"),
        _ => new("已答复", "Answered"),
    };
}
