using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Features.Accounts;

public static class AuthEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public static void MapAuth(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentication").AllowAnonymous();

        group.MapPost("/login", async Task<IResult> (SignIn.Command command, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(command, ct);
                return result.Principal is null
                    ? TypedResults.Problem(result.Failure?.ApiText(), statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed")
                    : TypedResults.SignIn(result.Principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .RequireRateLimiting(SignInRateLimit)
            .WithName("SignIn")
            .WithSummary("Sign in and get a bearer token")
            .WithDescription("`{ userName, password }` → `{ tokenType, accessToken, expiresIn, refreshToken }`. " +
                "Send `Authorization: Bearer <accessToken>` with every other request. " +
                "Five wrong passwords lock the account for 15 minutes; sign-in is rate-limited per address.")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/refresh", async Task<IResult> (RefreshSession.Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) is { } principal
                    ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
                    : TypedResults.Problem("The refresh token is invalid or expired; sign in again.", statusCode: StatusCodes.Status401Unauthorized))
            .RequireRateLimiting(SignInRateLimit)
            .WithName("RefreshSession")
            .WithSummary("Exchange a refresh token for a new access token")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
