using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Features.Pregnancies;

/// <summary>She moved and the new township accepted her (转入): where she lives and who follows her up change together.</summary>
public sealed record PregnancyMoved(Pregnancy Pregnancy, string FromDivisionCode, string FromFacilityCode) : INotification;

/// <summary>The pregnancy's residence and responsibility, which only a transfer changes (流动孕产妇).</summary>
public sealed partial class Pregnancy
{
    /// <summary>
    /// An accepted transfer: her residence, the facility and health worker who follow her up, and (when given) her address
    /// move; her exams, grade, schedule and follow-up state stay as they are. The daily job looks at her the next morning,
    /// when her line moves from the old township's list to the new one's.
    /// </summary>
    public void MoveTo(string divisionCode, string facilityCode, string healthWorker, Guid? responsibleUserId, string? address, FollowUpPolicy policy, DateOnly today)
    {
        if (Status == PregnancyStatus.Closed && !IsFollowedUp(Status, Outcome, Schedule))
        {
            throw new ConflictException(Messages.PregnancyAlreadyClosed, ("Date", OutcomeDate), ("Outcome", Outcome));
        }

        var (fromDivision, fromFacility) = (_divisionCode, _facilityCode);
        Changing(today, policy, () =>
        {
            _divisionCode = divisionCode;
            _townshipCode = divisionCode[..9];
            _facilityCode = facilityCode;
            _healthWorker = healthWorker;
            _responsibleUserId = responsibleUserId;
            _address = string.IsNullOrWhiteSpace(address) ? _address : address.Trim();
        });
        _events.Add(new PregnancyMoved(this, fromDivision, fromFacility));
    }
}
