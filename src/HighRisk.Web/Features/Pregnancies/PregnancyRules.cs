using HighRisk.Features.Divisions;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>Data rules shared by booking and the exam, close and follow-up commands.</summary>
public static class PregnancyRules
{
    /// <summary>The longest plausible gestation at booking (45 weeks): an older LMP is a typing error.</summary>
    public const int MaxGestationDays = 45 * 7;

    /// <summary>A delivery is taken from 20+0 weeks; earlier, the pregnancy ends in a miscarriage or a termination.</summary>
    public const int EarliestDeliveryWeeks = 20;

    /// <summary>A miscarriage (流产) is a loss before 28+0 weeks; from then on a birth, a stillbirth included, is a delivery.</summary>
    public const int MiscarriageBeforeWeeks = 28;

    /// <summary>
    /// A residence code is a known township/sub-district (9 digits), or a 12-digit code that is either a known
    /// village/residents' committee or a committee number (001–599) under a known township.
    /// </summary>
    public static async Task<bool> IsResidenceAsync(HighRiskDb db, string code, CancellationToken ct)
    {
        if (code.Length == 12)
        {
            if (await db.Divisions.AnyAsync(d => d.Code == code, ct))
            {
                return true;
            }

            var committee = int.Parse(code.AsSpan(9), System.Globalization.CultureInfo.InvariantCulture);
            if (committee is < 1 or > 599)
            {
                return false;
            }
        }

        var township = code[..9];
        return await db.Divisions.AnyAsync(d => d.Code == township && d.Level == DivisionLevel.Township, ct);
    }
}
