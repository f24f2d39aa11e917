using HighRisk.Features.FollowUps;
using HighRisk.Rules;

namespace HighRisk.Features.Cases;

/// <summary>
/// The board's order kept on the case, so that a city's first page is read in index order instead of sorting every case
/// of the city joined to her pregnancy: red first, then overdue (or lost), then the nearest EDD. Her EDD never changes;
/// her colour and her follow-up state are followed from the pregnancy (<see cref="FollowGrade"/>,
/// <see cref="FollowFollowUpState"/>, and the daily job's review, which writes what each woman decided).
/// </summary>
public sealed partial class Case
{
    private string _cityCode = null!;
    private string _countyCode = null!;

    public DateOnly Edd { get; init; }

    /// <summary>The 4-digit city of her division: the city board's index.</summary>
    public required string CityCode { get => _cityCode; init => _cityCode = value; }

    /// <summary>The 6-digit county (district) of her division: the county board's index.</summary>
    public required string CountyCode { get => _countyCode; init => _countyCode = value; }

    /// <summary>Overdue or lost to follow-up, as her pregnancy's schedule last decided.</summary>
    public bool FollowUpOverdue { get; private set; }

    /// <summary><see cref="BoardRankOf"/> of her colour and follow-up state: the board's first sort key.</summary>
    public int BoardRank { get; private set; }

    /// <summary>Her pregnancy's follow-up state changed (a contact, a close, the daily review).</summary>
    public void FollowFollowUpState(FollowUpState state)
    {
        FollowUpOverdue = IsOverdue(state);
        BoardRank = BoardRankOf(Colour, FollowUpOverdue);
    }

    /// <summary>
    /// She moved to another division (转入 accepted): the case goes with her, open or closed, with its report, plans and
    /// flags; the manager changes to the new area's when the old one does not cover it.
    /// </summary>
    public void Move(Pregnancies.Pregnancy pregnancy, Guid? newAreaManager, bool managerCoversNewArea, DateTimeOffset now)
    {
        _divisionCode = pregnancy.DivisionCode;
        _townshipCode = pregnancy.TownshipCode;
        _facilityCode = pregnancy.FacilityCode;
        _countyCode = pregnancy.DivisionCode[..6];
        _cityCode = pregnancy.DivisionCode[..4];
        if (!managerCoversNewArea)
        {
            ManagerId = newAreaManager;
            ManagerAssignedAt = newAreaManager is null ? null : now;
        }
    }

    /// <summary>The board's order: red 0–1, orange 2–3, yellow 4–5, green 6–7; overdue before on track within a colour.</summary>
    public static int BoardRankOf(RiskColour colour, bool overdue) => ((int)RiskColour.Red - (int)colour) * 2 + (overdue ? 0 : 1);

    public static bool IsOverdue(FollowUpState state) => state is FollowUpState.Overdue or FollowUpState.Lost;
}
