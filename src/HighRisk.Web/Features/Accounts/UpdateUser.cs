using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HighRisk.Features.Accounts;

/// <summary>An administrator changes a user's role, scope, contact details, password or disables the account.</summary>
public static class UpdateUser
{
    public sealed record Command : ICommand<ListUsers.Item>, IAudited<ListUsers.Item>
    {
        [JsonIgnore]
        public Guid Id { get; init; }

        public string? DisplayName { get; init; }

        public StaffRole? Role { get; init; }

        public string? DivisionCode { get; init; }

        public string? FacilityCode { get; init; }

        public string? Mobile { get; init; }

        public string? Email { get; init; }

        public bool? Disabled { get; init; }

        /// <summary>A new password (the user's sessions end at their next refresh).</summary>
        public string? Password { get; init; }

        public AuditEntry Audit(ListUsers.Item response) =>
            new(AuditAction.Update, "user", Id.ToString(), $"UpdateUser role={Role} division={DivisionCode} disabled={Disabled} password={Password is not null}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, KnownFacilities facilities)
        {
            this.AddAccountRules(c => c.DisplayName, c => c.Role, c => c.DivisionCode, c => c.FacilityCode, c => c.Mobile, c => c.Email, db, facilities);
        }
    }

    public sealed class Handler(UserManager<StaffUser> users, HighRiskDb db, IPublisher publisher, SignedInAccounts accounts) : ICommandHandler<Command, ListUsers.Item>
    {
        public async ValueTask<ListUsers.Item> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("No such user.");
            var role = command.Role!.Value;
            user.DisplayName = command.DisplayName!.Trim();
            user.Role = role;
            user.DivisionCode = await StaffScopeRules.ScopeOfAsync(db, role, command.DivisionCode, command.FacilityCode, cancellationToken);
            user.FacilityCode = StaffScopeRules.FacilityOf(role, command.FacilityCode);
            user.PhoneNumber = MobileNumber.Normalize(command.Mobile);
            user.Email = command.Email;
            user.Disabled = command.Disabled ?? false;
            Check(await users.UpdateAsync(user));
            if (command.Password is not null)
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, command.Password));
            }

            // Ends the user's refresh tokens: a changed role or scope starts a new session.
            Check(await users.UpdateSecurityStampAsync(user));
            accounts.Forget(user.Id);   // the user's next request reads the account again: a disabled one is refused at once
            await publisher.Publish(new Alerts.AlertRecipientsChanged(), cancellationToken);   // a new mobile may be the one an alert lacked
            return ListUsers.Item.Of(user);
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => Messages.AccountRefused.At("password", ("Description", e.Description), ("IdentityCode", e.Code))));
            }
        }
    }
}
