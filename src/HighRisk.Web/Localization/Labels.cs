using System.Globalization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Overdue;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Rules;

namespace HighRisk.Localization;

/// <summary>Labels of the domain's values: colours (always with their meaning, never colour alone), statuses, kinds.</summary>
public static partial class Labels
{
    /// <summary>The four colours, lowest risk first (the order the chart stacks them); purple stands beside a colour.</summary>
    public static readonly IReadOnlyList<string> Colours = ["green", "yellow", "orange", "red"];

    /// <summary>The four colours, highest risk first (the order lists and choosers read them).</summary>
    public static readonly IReadOnlyList<string> ColoursHighFirst = ["red", "orange", "yellow", "green"];

    /// <summary>The badge text: the colour and what it means (绿色 低风险).</summary>
    public static Text Colour(string colour) => colour switch
    {
        "green" => new("绿色 低风险", "Green: low risk"),
        "yellow" => new("黄色 一般风险", "Yellow: general risk"),
        "orange" => new("橙色 较高风险", "Orange: higher risk"),
        "red" => new("红色 高风险", "Red: high risk"),
        "purple" => new("紫色 传染病", "Purple: infectious disease"),
        _ => Text.Same(colour),
    };

    /// <summary>The colour in one character (红), for the headings of narrow count tables; its name is the abbr title.</summary>
    public static Text ColourInitial(string colour) => colour switch
    {
        "green" => new("绿", "G"),
        "yellow" => new("黄", "Y"),
        "orange" => new("橙", "O"),
        "red" => new("红", "R"),
        "purple" => new("紫", "P"),
        _ => Text.Same(colour),
    };

    /// <summary>The colour's name alone, for table headings next to a legend.</summary>
    public static Text ColourName(string colour) => colour switch
    {
        "green" => new("绿色", "Green"),
        "yellow" => new("黄色", "Yellow"),
        "orange" => new("橙色", "Orange"),
        "red" => new("红色", "Red"),
        "purple" => new("紫色", "Purple"),
        _ => Text.Same(colour),
    };

    public static Text Colour(RiskColour colour) => Colour(colour.ToApiName());

    public static Text Colour(FactorColour colour) => Colour(colour.ToApiName());

    public static Text Role(StaffRole? role) => role switch
    {
        StaffRole.HealthWorker => new("医生", "Health worker"),
        StaffRole.SubdistrictStaff => new("乡镇/街道妇幼专干", "Township MCH staff"),
        StaffRole.CountyStaff => new("县（区）妇幼保健机构", "County MCH staff"),
        StaffRole.CityStaff => new("市妇幼保健机构", "City MCH staff"),
        StaffRole.Administrator => new("管理员", "Administrator"),
        _ => Text.Same(string.Empty),
    };

    public static Text Contact(ContactKind kind) => kind switch
    {
        ContactKind.Phone => new("电话", "Phone call"),
        ContactKind.HomeVisit => new("入户访视", "Home visit"),
        _ => new("门诊", "Clinic visit"),
    };

    public static Text Due(DueKind kind) => new(OverdueRow.DueKindZh(kind), kind switch
    {
        DueKind.RedContact => "contact within 24 h of turning red",
        DueKind.PostpartumVisit => "postpartum visit",
        DueKind.PostpartumCheck42 => "42-day postpartum check",
        DueKind.ReferralOutcome => "referral outcome",
        _ => "antenatal follow-up",
    });

    public static Text FollowUpState(FollowUpState state) => state switch
    {
        Features.FollowUps.FollowUpState.Overdue => new("逾期", "Overdue"),
        Features.FollowUps.FollowUpState.Lost => new("失访", "Lost to follow-up"),
        Features.FollowUps.FollowUpState.OnTrack => new("按期", "On track"),
        _ => new("无待办", "Nothing due"),
    };

    public static Text Outcome(PregnancyOutcome outcome) => outcome switch
    {
        PregnancyOutcome.Delivery => new("分娩", "Delivery"),
        PregnancyOutcome.Miscarriage => new("流产", "Miscarriage"),
        PregnancyOutcome.Termination => new("终止妊娠（引产）", "Termination"),
        PregnancyOutcome.MovedAway => new("迁出", "Moved away"),
        PregnancyOutcome.Merged => new("重复建册，已合并", "Merged (booked twice)"),
        _ => new("孕产妇死亡", "Maternal death"),
    };

    public static Text Mode(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Vaginal => new("阴道分娩", "Vaginal"),
        DeliveryMode.AssistedVaginal => new("阴道助产", "Assisted vaginal"),
        _ => new("剖宫产", "Caesarean"),
    };

    public static Text Cause(GradeCause cause) => cause switch
    {
        GradeCause.Booking => new("建册评估", "At booking"),
        GradeCause.Exam => new("产检", "Exam"),
        GradeCause.ManualRaise => new("医生手动上调", "Raised by a clinician"),
        GradeCause.Merge => new("合并重复档案", "Records merged"),
        GradeCause.Unmerge => new("撤销档案合并", "Merge undone"),
        _ => new("评估表更新后重新评估", "Catalogue update"),
    };

    public static Text AlertStatus(string status) => status switch
    {
        "open" => new("待处理", "Open"),
        "acknowledged" => new("已处理", "Acknowledged"),
        "escalated" => new("超时未处理，已上报", "Escalated"),
        _ => Text.Same(status),
    };

    public static Text MessageStatus(string status) => status switch
    {
        "queued" => new("待发送", "queued"),
        "sending" => new("发送中", "sending"),
        "sent" => new("已发送", "sent"),
        "delivered" => new("已送达", "delivered"),
        "failed" => new("发送失败", "failed"),
        "expired" => new("已过期未发送", "expired"),
        _ => Text.Same(status),
    };

    /// <summary>An observation's name from the vocabulary ("血红蛋白" / "haemoglobin"); the API name when unknown.</summary>
    public static Text Observation(string apiName) =>
        Observations.TryParse(apiName, out var o) ? new(o.Info().NameZh, Capitalised(o.Info().NameEn)) : Text.Same(apiName);

    public static Text Unit(string? unit) => unit switch
    {
        null => Text.Same(string.Empty),
        "count" => new("个", string.Empty),
        "grade" or "class" => Text.Same(string.Empty),
        "years" => new("岁", "years"),
        "weeks" => new("周", "weeks"),
        "months" => new("个月", "months"),
        _ => Text.Same(unit.Replace("10^9", "×10⁹", StringComparison.Ordinal).Replace("m2", "m²", StringComparison.Ordinal)),
    };

    /// <summary>What the divisions of a level are called (the heading of a filter over them).</summary>
    public static Text Level(DivisionLevel level) => level switch
    {
        DivisionLevel.Village => new("村/社区", "Village"),
        DivisionLevel.Township => new("乡镇/街道", "Township"),
        DivisionLevel.County => new("县（市、区）", "County"),
        DivisionLevel.City => new("市（州）", "City"),
        _ => new("省", "Province"),
    };

    /// <summary>
    /// Why a factor is active, in words: the observation with its value, unit and exam date, or who recorded the
    /// finding and when. <paramref name="nameOf"/> names a catalogue id (for implied factors).
    /// </summary>
    public static Text Evidence(FactorEvidence e, Func<string, Text> nameOf)
    {
        var date = e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var by = e.CodedBy ?? string.Empty;
        if (e.Observation is { } observation && e.Value is { } value)
        {
            var shown = observation == Rules.Observation.UrineProtein.ToApiName()
                ? UrineProteinGrade.Format(value)
                : value.ToString("0.##", CultureInfo.InvariantCulture);
            return e.Kind switch
            {
                EvidenceKinds.Measurement => Texts.EvidenceMeasured.With(Observation(observation), shown, Unit(e.Unit), date, by),
                EvidenceKinds.History => Texts.EvidenceHistory.With(Observation(observation), shown, Unit(e.Unit)),
                _ => Texts.EvidenceValue.With(Observation(observation), shown, Unit(e.Unit)),
            };
        }

        return e.Kind switch
        {
            EvidenceKinds.Implied => Texts.EvidenceImplied.With(e.Finding is null ? Text.Same(string.Empty) : nameOf(e.Finding)),
            EvidenceKinds.Raise => Texts.EvidenceRaise.With(by, date, e.Note ?? string.Empty),
            _ => Texts.EvidenceCoded.With(by, date),
        };
    }

    public static Text Factor(ActiveFactor factor) => new(factor.NameZh, factor.NameEn);

    /// <summary>A coded id's name in the catalogue (a factor or a qualifier); the id itself when the catalogue no longer has it.</summary>
    public static Text CatalogueName(GetCatalogue.Response catalogue, string id) =>
        catalogue.Factors.FirstOrDefault(f => f.Id == id) is { } factor ? new(factor.NameZh, factor.NameEn)
        : catalogue.Qualifiers.FirstOrDefault(q => q.Id == id) is { } qualifier ? new(qualifier.NameZh, qualifier.NameEn)
        : Text.Same(id);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
