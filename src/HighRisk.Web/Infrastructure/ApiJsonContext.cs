using System.Text.Json;
using System.Text.Json.Serialization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Admin;
using HighRisk.Features.Alerts;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Consultations;
using HighRisk.Features.Contacts;
using HighRisk.Features.Deaths;
using HighRisk.Features.Divisions;
using HighRisk.Features.Exams;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Indicators;
using HighRisk.Features.Merges;
using HighRisk.Features.Messaging;
using HighRisk.Features.Overdue;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Referrals;
using HighRisk.Features.Reminders;
using HighRisk.Features.Risk;
using HighRisk.Features.Transfers;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Infrastructure;

/// <summary>
/// Source-generated metadata for every body the JSON API reads or writes, so that no request builds serializer metadata
/// by reflection. <see cref="Configure"/> makes it the API's resolver in the HTTP JSON options, with no reflection
/// fallback (ASP.NET Core's own contexts for the OpenAPI schema and problem details stay ahead of it, for their types);
/// the options' own settings (the string enum converter, unknown members refused, numbers strict) still apply at run
/// time. A type an endpoint reads or answers that is missing here fails ApiJsonContextTests. Names are given where two
/// use cases share a nested type name (Command, Response, Item, WomanView).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]

// Accounts and administration
[JsonSerializable(typeof(SignIn.Command), TypeInfoPropertyName = "SignInCommand")]
[JsonSerializable(typeof(RefreshSession.Command), TypeInfoPropertyName = "RefreshSessionCommand")]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(CreateUser.Command), TypeInfoPropertyName = "CreateUserCommand")]
[JsonSerializable(typeof(CreateUser.Response), TypeInfoPropertyName = "CreateUserResponse")]
[JsonSerializable(typeof(UpdateUser.Command), TypeInfoPropertyName = "UpdateUserCommand")]
[JsonSerializable(typeof(ListUsers.Item), TypeInfoPropertyName = "ListUsersItem")]
[JsonSerializable(typeof(IReadOnlyList<ListUsers.Item>), TypeInfoPropertyName = "ListUsersItems")]
[JsonSerializable(typeof(ListAuditEvents.Response), TypeInfoPropertyName = "ListAuditEventsResponse")]
[JsonSerializable(typeof(AdminEndpoints.JobQueued))]
[JsonSerializable(typeof(DivisionContact))]
[JsonSerializable(typeof(IReadOnlyList<DivisionContact>))]
[JsonSerializable(typeof(ListMissingContacts.Response), TypeInfoPropertyName = "ListMissingContactsResponse")]
[JsonSerializable(typeof(SaveContact.Command), TypeInfoPropertyName = "SaveContactCommand")]
[JsonSerializable(typeof(MergePregnancies.Command), TypeInfoPropertyName = "MergePregnanciesCommand")]
[JsonSerializable(typeof(MergeView))]
[JsonSerializable(typeof(ListMerges.Response), TypeInfoPropertyName = "ListMergesResponse")]

// Pregnancies, exams, follow-ups, risk
[JsonSerializable(typeof(BookPregnancy.Command), TypeInfoPropertyName = "BookPregnancyCommand")]
[JsonSerializable(typeof(BookPregnancy.Response), TypeInfoPropertyName = "BookPregnancyResponse")]
[JsonSerializable(typeof(ListPregnancies.Response), TypeInfoPropertyName = "ListPregnanciesResponse")]
[JsonSerializable(typeof(GetPregnancy.Response), TypeInfoPropertyName = "GetPregnancyResponse")]
[JsonSerializable(typeof(GetPregnancy.ExamView), TypeInfoPropertyName = "GetPregnancyExamView")]
[JsonSerializable(typeof(ClosePregnancy.Command), TypeInfoPropertyName = "ClosePregnancyCommand")]
[JsonSerializable(typeof(ClosePregnancy.Response), TypeInfoPropertyName = "ClosePregnancyResponse")]
[JsonSerializable(typeof(RecordExam.Command), TypeInfoPropertyName = "RecordExamCommand")]
[JsonSerializable(typeof(RecordExam.Response), TypeInfoPropertyName = "RecordExamResponse")]
[JsonSerializable(typeof(RecordFollowUp.Command), TypeInfoPropertyName = "RecordFollowUpCommand")]
[JsonSerializable(typeof(RecordFollowUp.Response), TypeInfoPropertyName = "RecordFollowUpResponse")]
[JsonSerializable(typeof(RaiseGrade.Command), TypeInfoPropertyName = "RaiseGradeCommand")]
[JsonSerializable(typeof(RaiseGrade.Response), TypeInfoPropertyName = "RaiseGradeResponse")]
[JsonSerializable(typeof(GetCatalogue.Response), TypeInfoPropertyName = "GetCatalogueResponse")]
[JsonSerializable(typeof(CatalogueUpgrade))]
[JsonSerializable(typeof(IReadOnlyList<CatalogueUpgrade>))]
[JsonSerializable(typeof(EvaluateRisk.Query), TypeInfoPropertyName = "EvaluateRiskQuery")]
[JsonSerializable(typeof(EvaluateRisk.Response), TypeInfoPropertyName = "EvaluateRiskResponse")]
[JsonSerializable(typeof(RecordSmsConsent.Command), TypeInfoPropertyName = "RecordSmsConsentCommand")]
[JsonSerializable(typeof(UpdateSmsConsent.Body), TypeInfoPropertyName = "UpdateSmsConsentBody")]
[JsonSerializable(typeof(ReminderViews.Response), TypeInfoPropertyName = "ReminderViewsResponse")]

// Lists, alerts, divisions, indicators
[JsonSerializable(typeof(GetOverdueList.Response), TypeInfoPropertyName = "GetOverdueListResponse")]
[JsonSerializable(typeof(ListAlerts.Response), TypeInfoPropertyName = "ListAlertsResponse")]
[JsonSerializable(typeof(AcknowledgeAlert.Command), TypeInfoPropertyName = "AcknowledgeAlertCommand")]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(ListDivisions.Item), TypeInfoPropertyName = "ListDivisionsItem")]
[JsonSerializable(typeof(IReadOnlyList<ListDivisions.Item>), TypeInfoPropertyName = "ListDivisionsItems")]
[JsonSerializable(typeof(ListFacilities.Item), TypeInfoPropertyName = "ListFacilitiesItem")]
[JsonSerializable(typeof(IReadOnlyList<ListFacilities.Item>), TypeInfoPropertyName = "ListFacilitiesItems")]
[JsonSerializable(typeof(GetIndicators.Response), TypeInfoPropertyName = "GetIndicatorsResponse")]
[JsonSerializable(typeof(GetReferralIndicators.Response), TypeInfoPropertyName = "GetReferralIndicatorsResponse")]

// Case management, death reports, consultations
[JsonSerializable(typeof(ListCases.Response), TypeInfoPropertyName = "ListCasesResponse")]
[JsonSerializable(typeof(GetCase.Response), TypeInfoPropertyName = "GetCaseResponse")]
[JsonSerializable(typeof(CaseState))]
[JsonSerializable(typeof(AssignManager.Command), TypeInfoPropertyName = "AssignManagerCommand")]
[JsonSerializable(typeof(AddCasePlan.Command), TypeInfoPropertyName = "AddCasePlanCommand")]
[JsonSerializable(typeof(AddCasePlan.Response), TypeInfoPropertyName = "AddCasePlanResponse")]
[JsonSerializable(typeof(RecordNearMiss.Command), TypeInfoPropertyName = "RecordNearMissCommand")]
[JsonSerializable(typeof(RecordNearMiss.Response), TypeInfoPropertyName = "RecordNearMissResponse")]
[JsonSerializable(typeof(CloseCase.Command), TypeInfoPropertyName = "CloseCaseCommand")]
[JsonSerializable(typeof(CaseAreaView))]
[JsonSerializable(typeof(IReadOnlyList<CaseAreaView>))]
[JsonSerializable(typeof(SaveCaseArea.Command), TypeInfoPropertyName = "SaveCaseAreaCommand")]
[JsonSerializable(typeof(DeathReportView))]
[JsonSerializable(typeof(IReadOnlyList<DeathReportView>))]
[JsonSerializable(typeof(SubmitDeathReport.Command), TypeInfoPropertyName = "SubmitDeathReportCommand")]
[JsonSerializable(typeof(AskConsultation.Command), TypeInfoPropertyName = "AskConsultationCommand")]
[JsonSerializable(typeof(AskConsultation.Response), TypeInfoPropertyName = "AskConsultationResponse")]
[JsonSerializable(typeof(ListConsultations.Response), TypeInfoPropertyName = "ListConsultationsResponse")]
[JsonSerializable(typeof(ConsultationView))]
[JsonSerializable(typeof(AnswerConsultation.Command), TypeInfoPropertyName = "AnswerConsultationCommand")]
[JsonSerializable(typeof(ExpertPoolView))]
[JsonSerializable(typeof(IReadOnlyList<ExpertPoolView>))]
[JsonSerializable(typeof(SaveExpertPool.Command), TypeInfoPropertyName = "SaveExpertPoolCommand")]

// Referrals and transfers
[JsonSerializable(typeof(ReferPregnancy.Command), TypeInfoPropertyName = "ReferPregnancyCommand")]
[JsonSerializable(typeof(ReferPregnancy.Response), TypeInfoPropertyName = "ReferPregnancyResponse")]
[JsonSerializable(typeof(RecordReferralOutcome.Command), TypeInfoPropertyName = "RecordReferralOutcomeCommand")]
[JsonSerializable(typeof(RecordReferralOutcome.Response), TypeInfoPropertyName = "RecordReferralOutcomeResponse")]
[JsonSerializable(typeof(ListReferrals.Response), TypeInfoPropertyName = "ListReferralsResponse")]
[JsonSerializable(typeof(GetReferral.Response), TypeInfoPropertyName = "GetReferralResponse")]
[JsonSerializable(typeof(ReferralSummary))]
[JsonSerializable(typeof(DeclineReferral.Command), TypeInfoPropertyName = "DeclineReferralCommand")]
[JsonSerializable(typeof(RecordArrival.Command), TypeInfoPropertyName = "RecordArrivalCommand")]
[JsonSerializable(typeof(CompleteReferral.Command), TypeInfoPropertyName = "CompleteReferralCommand")]
[JsonSerializable(typeof(CancelReferral.Command), TypeInfoPropertyName = "CancelReferralCommand")]
[JsonSerializable(typeof(TransferPregnancy.Command), TypeInfoPropertyName = "TransferPregnancyCommand")]
[JsonSerializable(typeof(TransferPregnancy.Response), TypeInfoPropertyName = "TransferPregnancyResponse")]
[JsonSerializable(typeof(RequestTransfer.Command), TypeInfoPropertyName = "RequestTransferCommand")]
[JsonSerializable(typeof(RequestTransfer.Response), TypeInfoPropertyName = "RequestTransferResponse")]
[JsonSerializable(typeof(ListTransfers.Response), TypeInfoPropertyName = "ListTransfersResponse")]
[JsonSerializable(typeof(TransferView))]
[JsonSerializable(typeof(AcceptTransfer.Command), TypeInfoPropertyName = "AcceptTransferCommand")]
[JsonSerializable(typeof(DeclineTransfer.Command), TypeInfoPropertyName = "DeclineTransferCommand")]

// SMS receipts and replies (read with these options by SmsCallback.ReadArray)
[JsonSerializable(typeof(List<RecordSmsReceipts.SmsReport>))]
[JsonSerializable(typeof(RecordSmsReceipts.Response), TypeInfoPropertyName = "RecordSmsReceiptsResponse")]
[JsonSerializable(typeof(SmsReceiptEndpoints.AliyunAnswer))]
[JsonSerializable(typeof(List<RecordSmsReplies.SmsReply>))]
[JsonSerializable(typeof(RecordSmsReplies.Response), TypeInfoPropertyName = "RecordSmsRepliesResponse")]

// Nested types that share a name with another use case's
[JsonSerializable(typeof(ListPregnancies.Item), TypeInfoPropertyName = "ListPregnanciesItem")]
[JsonSerializable(typeof(IReadOnlyList<ListPregnancies.Item>), TypeInfoPropertyName = "ListPregnanciesItems")]
[JsonSerializable(typeof(ListReferrals.Item), TypeInfoPropertyName = "ListReferralsItem")]
[JsonSerializable(typeof(IReadOnlyList<ListReferrals.Item>), TypeInfoPropertyName = "ListReferralsItems")]
[JsonSerializable(typeof(ListMissingContacts.Item), TypeInfoPropertyName = "ListMissingContactsItem")]
[JsonSerializable(typeof(IReadOnlyList<ListMissingContacts.Item>), TypeInfoPropertyName = "ListMissingContactsItems")]
[JsonSerializable(typeof(GetPregnancy.WomanView), TypeInfoPropertyName = "GetPregnancyWomanView")]
[JsonSerializable(typeof(GetReferral.WomanView), TypeInfoPropertyName = "GetReferralWomanView")]
[JsonSerializable(typeof(ConsultationView.WomanView), TypeInfoPropertyName = "ConsultationWomanView")]

// Problem details and the values their extensions carry (written as object: looked up by their run-time type)
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ValidationProblemDetails))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(List<PossibleDuplicates.Candidate>))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(Guid))]

// Query-string parameter types, which the OpenAPI document describes through these options
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(Guid?))]
[JsonSerializable(typeof(DateOnly?))]
[JsonSerializable(typeof(DateTimeOffset?))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The API's JSON settings: enums as camelCase names (an integer is refused), unknown, repeated and miscased members
    /// refused, numbers only as numbers ("158" for a number is the wrong type: a 400 naming the field); metadata from this context only. There is
    /// no reflection fallback: a type missing here fails loudly in the tests rather than quietly costing reflection.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;

        // A body that names a field twice ({"weightKg": 52, …, "weightKg": 90}) is ambiguous and could decide a grade:
        // refused, as a name in another case ("FullName") is an unknown field, not fullName.
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        options.TypeInfoResolverChain.Clear();
        options.TypeInfoResolverChain.Add(Default);
    }
}
