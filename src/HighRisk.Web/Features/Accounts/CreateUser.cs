using System.Security.Cryptography;
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

/// <summary>An administrator creates an account with its role and scope; without a password one is generated and shown once.</summary>
public static class CreateUser
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        public string? UserName { get; init; }

        public string? DisplayName { get; init; }

        public StaffRole? Role { get; init; }

        /// <summary>Township (9 digits), county (6) or city (4) code for MCH staff.</summary>
        public string? DivisionCode { get; init; }

        /// <summary>A health worker's facility.</summary>
        public string? FacilityCode { get; init; }

        /// <summary>For SMS alerts and overdue digests.</summary>
        public string? Mobile { get; init; }

        public string? Email { get; init; }

        public string? Password { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "user", response.Id.ToString(), $"CreateUser {UserName} {Role}");
    }

    public sealed record Response(Guid Id, string UserName, StaffRole Role, string DivisionCode, string? FacilityCode, string? GeneratedPassword);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, KnownFacilities facilities)
        {
            RuleFor(c => c.UserName).NotEmpty().Length(3, 64).Matches("^[A-Za-z0-9._-]+$").WithError(Messages.UserNameCharacters);
            this.AddAccountRules(c => c.DisplayName, c => c.Role, c => c.DivisionCode, c => c.FacilityCode, c => c.Mobile, c => c.Email, db, facilities);
        }
    }

    public sealed class Handler(UserManager<StaffUser> users, HighRiskDb db, BusinessClock clock, IPublisher publisher) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var role = command.Role!.Value;
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(clock.Now),
                UserName = command.UserName,
                DisplayName = command.DisplayName!.Trim(),
                Role = role,
                DivisionCode = await StaffScopeRules.ScopeOfAsync(db, role, command.DivisionCode, command.FacilityCode, cancellationToken),
                FacilityCode = StaffScopeRules.FacilityOf(role, command.FacilityCode),
                PhoneNumber = MobileNumber.Normalize(command.Mobile),
                Email = command.Email,
                CreatedAt = clock.Now,
            };
            var password = command.Password ?? GeneratePassword();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.Errors.Select(e => Messages.AccountRefused.At(FieldOf(e), ("Description", e.Description), ("IdentityCode", e.Code))));
            }

            await publisher.Publish(new Alerts.AlertRecipientsChanged(), cancellationToken);   // a health worker's mobile may be the one an alert lacked
            return new Response(user.Id, user.UserName!, user.Role, user.DivisionCode, user.FacilityCode, command.Password is null ? password : null);
        }

        private static string FieldOf(IdentityError error) => error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "password";
    }

    /// <summary>16 characters from an alphabet without look-alikes, with at least a digit, a lower- and an upper-case letter.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        char[] chars = [.. RandomNumberGenerator.GetItems<char>(lower + upper + digits, 13), RandomNumberGenerator.GetItems<char>(lower, 1)[0],
            RandomNumberGenerator.GetItems<char>(upper, 1)[0], RandomNumberGenerator.GetItems<char>(digits, 1)[0]];
        RandomNumberGenerator.Shuffle<char>(chars);
        return new string(chars);
    }
}
