using HighRisk.Features.Divisions;
using HighRisk.Features.Referrals;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Pages.Referrals;

/// <summary>
/// A page about one referral (the referral with its forms, its printed slip), read with <see cref="GetReferral"/>: the
/// sending side's first read of new feedback marks it seen, as the API's read does.
/// </summary>
public abstract class ReferralPage(ISender sender) : FormPage
{
    private GetCatalogue.Response _catalogue = null!;
    private IReadOnlyList<ListFacilities.Item> _facilities = [];

    public GetReferral.Response Referral { get; private set; } = null!;

    protected ISender Sender => sender;

    /// <summary>Reads the referral; false when it does not exist or the user is on neither side of it.</summary>
    protected async Task<bool> LoadReferralAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Referral = await sender.Send(new GetReferral.Query(id), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (Referral.IsSender && Referral.Referral.FeedbackNew)
        {
            await sender.Send(new MarkFeedbackSeen.Command(id), ct);
        }

        _catalogue = await sender.Send(new GetCatalogue.Query(), ct);
        _facilities = await sender.Send(new ListFacilities.Query(Referral.DivisionCode[..4]), ct);
        return true;
    }

    /// <summary>Where she was sent from: the sender's facility, or her township when the sender's account has none.</summary>
    public string From => Referral.FromFacilityName ?? Referral.TownshipName ?? Referral.DivisionCode;

    public string To => Referral.ToFacilityName ?? Referral.Referral.ToFacilityCode;

    /// <summary>A facility of the slip (the exam's, the plan's places), by name: those of her city are known.</summary>
    public string FacilityName(string code) => _facilities.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public Text NameOf(string id) => Labels.CatalogueName(_catalogue, id);
}
