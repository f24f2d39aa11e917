using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace HighRisk.Features.Reminders;

/// <summary>
/// <c>PATCH /api/pregnancies/{id}</c>: the update of her record that takes <c>smsConsent</c> {given, date, note} (the
/// only part of a booked pregnancy that changes this way; exams, follow-ups and the close have their own commands). It is
/// <see cref="RecordSmsConsent"/>, with the fields named as the body names them.
/// </summary>
public static class UpdateSmsConsent
{
    public sealed record Body
    {
        public Patch? SmsConsent { get; init; }
    }

    public sealed record Patch
    {
        public bool? Given { get; init; }

        public DateOnly? Date { get; init; }

        public string? Note { get; init; }
    }

    public static async Task<ReminderViews.Response> SendAsync(Guid id, Body? body, ISender sender, CancellationToken ct)
    {
        if (body?.SmsConsent is not { } consent)
        {
            throw new ValidationException([new ValidationFailure("smsConsent", "'smsConsent' must not be empty.") { ErrorCode = "NotNullValidator" }]);
        }

        try
        {
            return await sender.Send(new RecordSmsConsent.Command { PregnancyId = id, Given = consent.Given, Date = consent.Date, Note = consent.Note }, ct);
        }
        catch (ValidationException rejected)
        {
            throw new ValidationException(rejected.Errors.Select(f => new ValidationFailure($"smsConsent.{f.PropertyName}", f.ErrorMessage, f.AttemptedValue)
            {
                ErrorCode = f.ErrorCode, CustomState = f.CustomState, FormattedMessagePlaceholderValues = f.FormattedMessagePlaceholderValues,
            }));
        }
    }
}
