using HighRisk.Features.Cases;
using HighRisk.Features.Risk;

namespace HighRisk.Pages.Cases;

/// <summary>A case's colour as the views name it, read by <see cref="CasePolicy"/>'s rules rather than decided again here.</summary>
public static class CaseColours
{
    /// <summary>The colour the case is managed under: red over purple over the rest.</summary>
    public static string Of(string colour, bool purple) => GradeNames.TryParse(colour, out var grade) ? CasePolicy.CaseColour(grade, purple) : colour;

    /// <summary>Still orange, red or purple: the case is not closed by hand.</summary>
    public static bool StillHighRisk(string colour, bool purple) => purple || (GradeNames.TryParse(colour, out var grade) && CasePolicy.OpensCase(grade, purple));
}
