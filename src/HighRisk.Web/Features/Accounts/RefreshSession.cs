using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HighRisk.Features.Accounts;

/// <summary>Exchanges a refresh token for a new access token, unless the user was disabled or changed since.</summary>
public static class RefreshSession
{
    public sealed record Command(string? RefreshToken) : ICommand<ClaimsPrincipal?>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(4096);
    }

    public sealed class Handler(SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
        : ICommandHandler<Command, ClaimsPrincipal?>
    {
        public async ValueTask<ClaimsPrincipal?> Handle(Command command, CancellationToken cancellationToken)
        {
            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(command.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires)
            {
                return null;
            }

            // The security stamp changes when an administrator changes the user's role, scope or password.
            var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
            return user is null || user.Disabled ? null : await signIn.CreateUserPrincipalAsync(user);
        }
    }
}
