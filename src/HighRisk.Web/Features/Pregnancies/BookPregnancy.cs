using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Localization;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HighRisk.Features.Pregnancies;

/// <summary>建册: books a pregnancy for a woman, who may already be known from an earlier pregnancy.</summary>
public static class BookPregnancy
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", response.Id.ToString(), "BookPregnancy");

        public string? FullName { get; init; }

        /// <summary>18-character resident ID number; lower-case x accepted.</summary>
        public string? ResidentId { get; init; }

        /// <summary>Mainland mobile number, 11 digits, optionally +86.</summary>
        public string? Mobile { get; init; }

        /// <summary>First day of the last menstrual period. Give this or <see cref="Edd"/>.</summary>
        public DateOnly? Lmp { get; init; }

        /// <summary>Expected date of delivery; the LMP is derived as EDD − 280 days when no LMP is given.</summary>
        public DateOnly? Edd { get; init; }

        /// <summary>Residence: 12-digit village/residents' committee code or 9-digit township/sub-district code.</summary>
        public string? DivisionCode { get; init; }

        public string? Address { get; init; }

        /// <summary>Booking facility code (see GET /api/facilities).</summary>
        public string? FacilityCode { get; init; }

        /// <summary>The responsible health worker.</summary>
        public string? HealthWorker { get; init; }

        /// <summary>Height in cm.</summary>
        public decimal? HeightCm { get; init; }

        /// <summary>Pre-pregnancy or booking weight in kg.</summary>
        public decimal? WeightKg { get; init; }

        public PregnancyHistory? History { get; init; }

        /// <summary>Risk-catalogue factor ids coded at booking (see GET /api/risk/catalogue).</summary>
        public IReadOnlyList<string>? Findings { get; init; }

        /// <summary>The booking township has looked at the possible duplicates a first attempt answered (409 PossibleDuplicate): she is not one of them.</summary>
        public bool ConfirmedNotDuplicate { get; init; }

        /// <summary>The booking visit's date when it is entered afterwards from paper (补录); today when omitted.</summary>
        public DateOnly? BookingDate { get; init; }

        /// <summary>Her consent to SMS reminders, when asked at booking (Features/Reminders); later through POST /api/pregnancies/{id}/sms-consent.</summary>
        public Reminders.SmsConsentInput? SmsConsent { get; init; }
    }

    public sealed record Response(Guid Id, DateOnly Lmp, DateOnly Edd, GestationalAge GestationalAge, string Grade, bool Purple, IReadOnlyList<ActiveFactor> Factors);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, RiskCatalogue catalogue, HighRiskDb db, KnownFacilities facilities)
        {
            var today = clock.Today;
            RuleFor(c => c.FullName).NotEmpty().MaximumLength(50);
            // NotEmpty first (with the message a missing value always had), so that the OpenAPI document marks the field required.
            RuleFor(c => c.ResidentId).NotEmpty().WithError(Messages.ResidentIdRequired).Custom((value, context) =>
            {
                if (ResidentId.ProblemForAPregnantWoman(value, today) is { } problem)
                {
                    context.AddFailure(problem.At(context.PropertyPath));
                }
            });
            RuleFor(c => c.Mobile).NotEmpty().WithError(Messages.MobileNotMainland).Must(m => MobileNumber.Normalize(m) is not null)
                .WithError(Messages.MobileNotMainland);
            RuleFor(c => c.Mobile).Must(m => !MobileNumber.IsDataOnly(m)).WithError(Messages.MobileDataOnly);
            RuleFor(c => c.Lmp).NotNull().When(c => c.Edd is null).WithError(Messages.LmpRequired);
            RuleFor(c => c.Lmp).Must(lmp => lmp <= today).WithError(Messages.LmpInFuture)
                // Measured from the booking: a visit entered afterwards from paper (bookingDate) may be of a woman delivered since.
                .Must((c, lmp) => lmp > (c.BookingDate ?? today).AddDays(-PregnancyRules.MaxGestationDays))
                .WithError(Messages.LmpTooLongAgo, ("Weeks", PregnancyRules.MaxGestationDays / 7))
                .When(c => c.Lmp is not null);
            RuleFor(c => c.Edd).Must((c, edd) => c.Lmp is null || GestationalAge.EddFromLmp(c.Lmp.Value) == edd)
                .WithError(Messages.EddNotLmpPlus280)
                .Must(edd => GestationalAge.LmpFromEdd(edd!.Value) <= today).WithError(Messages.EddTooFar)
                .Must((c, edd) => GestationalAge.LmpFromEdd(edd!.Value) > (c.BookingDate ?? today).AddDays(-PregnancyRules.MaxGestationDays)).WithError(Messages.EddTooEarly)
                .When(c => c.Edd is not null);
            RuleFor(c => c.BookingDate).Must(d => d <= today).WithError(Messages.BookingDateInFuture)
                .Must((c, d) => LmpOf(c) is not { } lmp || d >= lmp).WithError(Messages.BookingDateBeforeLmp)
                .When(c => c.BookingDate is not null);
            RuleFor(c => c.DivisionCode).NotEmpty().Matches("^([0-9]{9}|[0-9]{12})$")
                .WithError(Messages.ResidenceCodeFormat)
                .MustAsync((code, ct) => PregnancyRules.IsResidenceAsync(db, code!, ct))
                .WithError(Messages.ResidenceUnknown);
            RuleFor(c => c.Address).NotEmpty().MaximumLength(200);
            RuleFor(c => c.FacilityCode).NotEmpty().MaximumLength(32)
                .MustAsync(facilities.Exist(db))
                .WithError(Messages.FacilityUnknown);
            RuleFor(c => c.HealthWorker).NotEmpty().MaximumLength(50);
            RuleFor(c => c.HeightCm).Must(h => Observation.HeightCm.Info().IsPlausible(h!.Value)).When(c => c.HeightCm is not null)
                .WithError(Messages.HeightOutOfRange, ("Min", Observation.HeightCm.Info().Min), ("Max", Observation.HeightCm.Info().Max));
            RuleFor(c => c.WeightKg).Must(w => Observation.WeightKg.Info().IsPlausible(w!.Value)).When(c => c.WeightKg is not null)
                .WithError(Messages.WeightOutOfRange, ("Min", Observation.WeightKg.Info().Min), ("Max", Observation.WeightKg.Info().Max));
            RuleFor(c => c.WeightKg).Must((c, w) => Observation.Bmi.Info().IsPlausible(BodyMass.Index(w!.Value, c.HeightCm!.Value)))
                .When(c => c.HeightCm is { } h && c.WeightKg is { } w && Observation.HeightCm.Info().IsPlausible(h) && Observation.WeightKg.Info().IsPlausible(w))
                .WithError(Messages.BmiImplausible, c => [
                    ("Height", c.HeightCm), ("Weight", c.WeightKg), ("Bmi", Math.Round(BodyMass.Index(c.WeightKg!.Value, c.HeightCm!.Value), 1)),
                    ("Min", Observation.Bmi.Info().Min), ("Max", Observation.Bmi.Info().Max)]);
            RuleFor(c => c.History!).SetValidator(new HistoryValidator(catalogue)).When(c => c.History is not null);
            RuleFor(c => c.History!.LastUterineSurgery).Must((c, date) => date < LmpOf(c))
                .WithError(Messages.UterineSurgeryAfterLmp)
                .When(c => c.History?.LastUterineSurgery is not null && LmpOf(c) is not null);
            RuleForEach(c => c.Findings).Codeable(catalogue);
            RuleFor(c => c.SmsConsent!).SetValidator(new Reminders.SmsConsentInput.Validator(clock)).When(c => c.SmsConsent is not null);
        }
    }

    private static DateOnly? LmpOf(Command c) => c.Lmp ?? (c.Edd is { } edd ? GestationalAge.LmpFromEdd(edd) : null);

    public sealed class HistoryValidator : AbstractValidator<PregnancyHistory>
    {
        public HistoryValidator(RiskCatalogue catalogue)
        {
            RuleFor(h => h.Gravidity).InclusiveBetween(1, 30);
            RuleFor(h => h.Parity).InclusiveBetween(0, 20);
            RuleFor(h => h.Abortions).InclusiveBetween(0, 30);
            RuleFor(h => h.Cesareans).InclusiveBetween(0, 10).LessThanOrEqualTo(h => h.Parity)
                .WithError(Messages.CesareansAboveParity);
            RuleFor(h => h.UterineSurgeries).InclusiveBetween(0, 20);
            RuleFor(h => h.Gravidity).Must((h, g) => h.Parity + h.Abortions <= g - 1)
                .WithError(Messages.GravidityTooLow);
            RuleFor(h => h.LastUterineSurgery).Must((h, date) => h.Cesareans + h.UterineSurgeries > 0)
                .WithError(Messages.UterineSurgeryDateWithoutOperation)
                .When(h => h.LastUterineSurgery is not null);
            RuleFor(h => h.Flags).NotNull();
            RuleForEach(h => h.Flags).Codeable(catalogue);
        }
    }

    public sealed class Handler(
        HighRiskDb db, BusinessClock clock, PregnancyGrader grader, PersonalData personalData, CurrentUser user, RiskCatalogue catalogue, FollowUps.FollowUpPolicy policy,
        PossibleDuplicates duplicates)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            EnsureWithinScope(command);
            var residentId = ResidentId.Normalize(command.ResidentId!);
            var residentIdHash = personalData.Hash(residentId);
            var mobile = MobileNumber.Normalize(command.Mobile)!;
            var woman = await db.Women.SingleOrDefaultAsync(w => w.ResidentIdHash == residentIdHash, cancellationToken);
            if (woman is not null)
            {
                await EnsureNoOpenPregnancyAsync(woman.Id, cancellationToken);
                woman.Rename(command.FullName!.Trim());
                woman.ChangeMobile(mobile, personalData);
            }
            else
            {
                if (!command.ConfirmedNotDuplicate)
                {
                    await duplicates.EnsureNoneAsync(command.FullName!.Trim(), ResidentId.BirthDate(residentId)!.Value, personalData.Hash(mobile), cancellationToken);
                }

                woman = Woman.Create(Guid.CreateVersion7(clock.Now), command.FullName!.Trim(), residentId, ResidentId.BirthDate(residentId)!.Value, mobile, personalData, clock.Now);
                db.Women.Add(woman);
            }

            var lmp = command.Lmp ?? GestationalAge.LmpFromEdd(command.Edd!.Value);
            var booked = ClinicalTime.Pregnant(GestationalAge.FromLmp(lmp, command.BookingDate ?? clock.Today));
            FindingRules.ThrowIfAny([
                .. FindingRules.Mistimed(catalogue, command.Findings, booked, "findings"),
                .. FindingRules.Mistimed(catalogue, command.History?.Flags, booked, "history.flags")]);

            var pregnancy = new Pregnancy
            {
                Id = Guid.CreateVersion7(clock.Now),
                WomanId = woman.Id,
                Woman = woman,
                Lmp = lmp,
                Edd = GestationalAge.EddFromLmp(lmp),
                DivisionCode = command.DivisionCode!,
                TownshipCode = Division.TownshipOf(command.DivisionCode!),
                Address = command.Address!.Trim(),
                FacilityCode = command.FacilityCode!,
                HealthWorker = command.HealthWorker!.Trim(),
                ResponsibleUserId = user.Role == StaffRole.HealthWorker ? user.User?.Id : null,
                HeightCm = command.HeightCm,
                WeightKg = command.WeightKg,
                History = command.History ?? new PregnancyHistory(),
                Findings = command.Findings?.Distinct().ToList() ?? [],
                BookingDate = command.BookingDate ?? clock.Today,
                BookedAt = clock.Now,
            };
            pregnancy.Book(grader, policy, clock.Now, clock.Today);
            db.Pregnancies.Add(pregnancy);
            command.SmsConsent?.RecordAtBooking(db, pregnancy, user.User?.DisplayName ?? user.Name, clock.Now);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another booking for the same woman committed first; EF rolled back to its savepoint, so we can look it up.
                db.ChangeTracker.Clear();
                var known = await db.Women.AsNoTracking().SingleAsync(w => w.ResidentIdHash == residentIdHash, cancellationToken);
                await EnsureNoOpenPregnancyAsync(known.Id, cancellationToken);
                throw;
            }

            var age = pregnancy.GestationalAgeOn(clock.Today);
            return new Response(pregnancy.Id, pregnancy.Lmp, pregnancy.Edd, age, pregnancy.Grade.ToApiName(), pregnancy.Purple, pregnancy.Factors);
        }

        /// <summary>A health worker books at her own facility; MCH staff book women living in their own area.</summary>
        private void EnsureWithinScope(Command command)
        {
            if (user.IsSystem || user.IsAdministrator)
            {
                return;
            }

            if (user.Role == StaffRole.HealthWorker && command.FacilityCode != user.FacilityCode)
            {
                throw new ValidationException([Messages.BookingAtOtherFacility.At("facilityCode", ("Facility", user.FacilityCode))]);
            }

            if (user.Role != StaffRole.HealthWorker && !command.DivisionCode!.StartsWith(user.DivisionPrefix!, StringComparison.Ordinal))
            {
                throw new ValidationException([Messages.ResidenceOutsideArea.At("divisionCode")]);
            }
        }

        private async Task EnsureNoOpenPregnancyAsync(Guid womanId, CancellationToken cancellationToken)
        {
            // Unfiltered: a woman booked in another area must not be booked twice, but that record's id is only
            // given to a user who may see it.
            var open = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.WomanId == womanId && p.Status == PregnancyStatus.Open)
                .Select(p => new { p.Id, p.DivisionCode, p.FacilityCode })
                .FirstOrDefaultAsync(cancellationToken);
            if (open is null)
            {
                return;
            }

            if (user.CanSee(open.DivisionCode, open.FacilityCode))
            {
                throw new ConflictException(Messages.OpenPregnancyExists) { Extensions = new Dictionary<string, object?> { ["openPregnancyId"] = open.Id } };
            }

            // Actionable, and still nothing of the other record: the booking township may ask for her (POST /api/transfer-requests).
            throw new ConflictException(Messages.OpenPregnancyElsewhere) { Extensions = new Dictionary<string, object?> { ["transferRequestable"] = true } };
        }
    }
}
