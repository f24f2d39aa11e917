using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Contacts;

/// <summary>
/// Creates (no id) or replaces (with id) a division's contact for the overdue list and alerts; an unacknowledged alert
/// that reached nobody and reaches this contact now is sent to it (ResendAlertsThatReachedNobody).
/// </summary>
public static class SaveContact
{
    public sealed record Command : ICommand<DivisionContact>, IAudited<DivisionContact>
    {
        [JsonIgnore]
        public Guid? Id { get; init; }

        public string? DivisionCode { get; init; }

        public ContactRole? Role { get; init; }

        public string? Name { get; init; }

        public string? Mobile { get; init; }

        public string? Email { get; init; }

        /// <summary>Required for (and only for) a facility's on-duty contact; its division is then the facility's.</summary>
        public string? FacilityCode { get; init; }

        public AuditEntry Audit(DivisionContact response) => new(Id is null ? AuditAction.Create : AuditAction.Update, "contact", response.Id.ToString(), $"SaveContact {DivisionCode} {Role}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, KnownFacilities facilities)
        {
            RuleFor(c => c.DivisionCode).NotEmpty().Matches("^[0-9]{4,12}$")
                .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.DivisionUnknown)
                .When(c => c.Role != ContactRole.FacilityOnDuty);
            RuleFor(c => c.FacilityCode).NotEmpty().MaximumLength(32)
                .MustAsync(facilities.Exist(db)).WithError(Messages.FacilityUnknown)
                .When(c => c.Role == ContactRole.FacilityOnDuty);
            RuleFor(c => c.FacilityCode).Null().WithError(Messages.ContactFacilityOnlyOnDuty).When(c => c.Role != ContactRole.FacilityOnDuty);
            RuleFor(c => c.Role).NotNull().IsInEnum();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Mobile).Must(m => MobileNumber.Normalize(m) is not null).When(c => c.Mobile is not null).WithError(Messages.StaffMobileNotMainland);
            RuleFor(c => c.Email).EmailAddress().MaximumLength(200);
            RuleFor(c => c).Must(c => c.Mobile is not null || c.Email is not null).WithError(Messages.ContactMissing).OverridePropertyName("mobile");
        }
    }

    public sealed class Handler(HighRiskDb db, IPublisher publisher) : ICommandHandler<Command, DivisionContact>
    {
        public async ValueTask<DivisionContact> Handle(Command command, CancellationToken cancellationToken)
        {
            var division = command.Role == ContactRole.FacilityOnDuty
                ? await db.Facilities.Where(f => f.Code == command.FacilityCode).Select(f => f.DivisionCode).SingleAsync(cancellationToken)
                : command.DivisionCode!;
            DivisionContact contact;
            if (command.Id is { } id)
            {
                contact = await db.DivisionContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("No such contact.");
                contact.DivisionCode = division;
                contact.Name = command.Name!.Trim();
            }
            else
            {
                contact = new DivisionContact { Id = Guid.CreateVersion7(), DivisionCode = division, Name = command.Name!.Trim() };
                db.DivisionContacts.Add(contact);
            }

            contact.Role = command.Role!.Value;
            contact.FacilityCode = command.FacilityCode;
            contact.Mobile = MobileNumber.Normalize(command.Mobile);
            contact.Email = command.Email;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException(Messages.ContactDuplicate);
            }

            // An alert that reached nobody may reach this contact now: its messages go out in this transaction.
            await publisher.Publish(new Alerts.AlertRecipientsChanged(), cancellationToken);
            return contact;
        }
    }
}
