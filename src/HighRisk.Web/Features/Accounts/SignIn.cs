using System.Security.Claims;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HighRisk.Features.Accounts;

/// <summary>
/// Checks a user name and password (with lockout after repeated failures) and answers the principal to issue a
/// bearer token for. Failures are answered, not thrown, so that the failed-attempt count and the audit row commit.
/// </summary>
public static class SignIn
{
    public sealed record Command(string? UserName, string? Password) : ICommand<Result>;

    public sealed record Result(ClaimsPrincipal? Principal, Message? Failure);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
        }
    }

    public sealed class Handler(SignInManager<StaffUser> signIn, AuditTrail audit) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await signIn.UserManager.FindByNameAsync(command.UserName!);
            var outcome = user is null || user.Disabled
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.CheckPasswordSignInAsync(user, command.Password!, lockoutOnFailure: true);

            if (!outcome.Succeeded)
            {
                var why = outcome.IsLockedOut ? "locked out" : "wrong user name or password";
                await audit.WriteAsync(new AuditEntry(AuditAction.SignInFailed, "session", user?.Id.ToString(), why), cancellationToken, command.UserName);
                return new Result(null, outcome.IsLockedOut ? Messages.SignInLocked : Messages.SignInWrong);
            }

            await audit.WriteAsync(new AuditEntry(AuditAction.SignIn, "session", user!.Id.ToString()), cancellationToken, user.UserName);
            return new Result(await signIn.CreateUserPrincipalAsync(user), null);
        }
    }
}
