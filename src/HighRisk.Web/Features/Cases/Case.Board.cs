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
    public DateOnly Edd { get; init; }

    /// <summary>The 4-digit city of her division: the city board's index.</summary>
    public required string CityCode { get; init; }

    /// <summary>The 6-digit county (district) of her division: the county board's index.</summary>
    public required string CountyCode { get; init; }

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

    /// <summary>The board's order: red 0–1, orange 2–3, yellow 4–5, green 6–7; overdue before on track within a colour.</summary>
    public static int BoardRankOf(RiskColour colour, bool overdue) => ((int)RiskColour.Red - (int)colour) * 2 + (overdue ? 0 : 1);

    public static bool IsOverdue(FollowUpState state) => state is FollowUpState.Overdue or FollowUpState.Lost;
}
