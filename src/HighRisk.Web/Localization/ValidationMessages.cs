using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace HighRisk.Localization;

/// <summary>
/// Turns the validators' messages (English, written for API clients) into the texts shown beside a form field.
/// A message the validators write in their own words is matched by its wording; a built-in rule (required, range,
/// length) by its error code and values. The field's label stands beside the message, so messages do not repeat it.
/// </summary>
public static class ValidationMessages
{
    private static readonly (Regex Pattern, Func<Match, Text> Text)[] Known =
    [
        // Sign-in failures (answered, not thrown)
        (Exact("The user name or password is wrong."), _ => Texts.SignInWrong),
        (Starts("The account is locked"), _ => Texts.SignInLocked),

        // Resident ID number (GB 11643)
        (Exact("The resident ID number is required."), _ => new("请填写身份证号码。", "The resident ID number is required.")),
        (Exact("The resident ID number must have 18 characters."), _ => new("身份证号码应为 18 位。", "The resident ID number must have 18 characters.")),
        (Exact("The first 17 characters of the resident ID number must be digits."), _ => new("身份证号码前 17 位应为数字。", "The first 17 characters must be digits.")),
        (Exact("The last character of the resident ID number must be a digit or X."), _ => new("身份证号码最后一位应为数字或 X。", "The last character must be a digit or X.")),
        (Exact("Characters 7-14 of the resident ID number are not a real date of birth."), _ => new("身份证号码第 7–14 位不是有效的出生日期。", "Characters 7–14 are not a real date of birth.")),
        (Exact("The date of birth in the resident ID number is in the future."), _ => new("身份证号码中的出生日期晚于今天。", "The date of birth in the number is in the future.")),
        (Starts("The check character of the resident ID number does not match"), _ => new("身份证号码校验位不符，号码可能输错了，请核对。", "The check character does not match: the number is mistyped.")),

        // Booking
        (Starts("The mobile number must be a mainland mobile number"), _ => new("请填写 11 位手机号码（以 13–19 开头，可加 +86）。", "Give a mainland mobile number: 11 digits starting 13–19, optionally +86.")),
        (Exact("Give the LMP date (or the EDD)."), _ => new("请填写末次月经日期（或预产期）。", "Give the LMP (or the EDD).")),
        (Exact("The LMP cannot be in the future."), _ => new("末次月经日期不能晚于今天。", "The LMP cannot be in the future.")),
        (Rx(@"The LMP is more than (\d+) weeks ago\."), m => new($"末次月经距今已超过 {m.Groups[1].Value} 周，请核对。", $"The LMP is more than {m.Groups[1].Value} weeks ago.")),
        (Exact("The EDD must be the LMP + 280 days; give one of them."), _ => new("预产期应为末次月经加 280 天；两者填写一项即可。", "The EDD must be the LMP + 280 days; give one of them.")),
        (Exact("The EDD is more than 280 days away."), _ => new("预产期距今超过 280 天，请核对。", "The EDD is more than 280 days away.")),
        (Exact("The EDD is too far in the past."), _ => new("预产期过早，请核对。", "The EDD is too far in the past.")),
        (Exact("The booking date cannot be in the future."), _ => new("建册日期不能晚于今天。", "The booking date cannot be in the future.")),
        (Exact("The booking date cannot be before the LMP."), _ => new("建册日期不能早于末次月经。", "The booking date cannot be before the LMP.")),
        (Starts("The division code must be"), _ => new("请选择居住的乡镇/街道（或填写 12 位村/社区代码、9 位乡镇/街道代码）。", "Choose the township (or give a 12-digit village or 9-digit township code).")),
        (Starts("No such township or sub-district"), _ => new("没有这个乡镇/街道，请重新选择。", "No such township or sub-district.")),
        (Starts("No such facility"), _ => new("没有这个机构，请重新选择。", "No such facility.")),
        (Rx(@"The height must be between ([\d.]+) and ([\d.]+) cm\."), m => new($"身高应在 {m.Groups[1].Value}–{m.Groups[2].Value} 厘米之间。", m.Value)),
        (Rx(@"The weight must be between ([\d.]+) and ([\d.]+) kg\."), m => new($"体重应在 {m.Groups[1].Value}–{m.Groups[2].Value} 公斤之间。", m.Value)),
        (Exact("The last uterine operation must be before the LMP."), _ => new("末次子宫手术日期应早于末次月经。", "The last uterine operation must be before the LMP.")),
        (Exact("Caesareans cannot outnumber previous births (parity)."), _ => new("剖宫产次数不能多于产次。", "Caesareans cannot outnumber previous births (parity).")),
        (Starts("Gravidity counts this pregnancy too"), _ => new("孕次包括本次妊娠，应不少于“产次 + 流产次数 + 1”。", "Gravidity counts this pregnancy too: at least parity + abortions + 1.")),
        (Starts("A last uterine operation date needs"), _ => new("填写了末次子宫手术日期时，剖宫产或其他子宫手术次数至少为 1。", "A last uterine operation date needs at least one caesarean or uterine operation.")),
        (Rx(@"A health worker books at her own facility \((.+)\)\."), m => new($"医生只能在本机构（{m.Groups[1].Value}）建册。", m.Value)),
        (Exact("The woman's residence is outside your area."), _ => new("该孕妇的居住地不在您的管理范围内。", "The woman's residence is outside your area.")),
        (Rx(@"'(.+)' is not a factor (or qualifier )?of the risk catalogue\."), m => new($"“{m.Groups[1].Value}”不是风险评估表中的条目。", m.Value)),

        // Exams, follow-ups, closing, alerts
        (Exact("The exam date cannot be in the future."), _ => new("检查日期不能晚于今天。", "The exam date cannot be in the future.")),
        (Rx(@"The exam date is before the LMP \((.+)\)\."), m => new($"检查日期早于末次月经（{m.Groups[1].Value}）。", m.Value)),
        (Exact("Say why the finding is resolved."), _ => new("请填写解除原因。", "Say why the finding is resolved.")),
        (Rx(@"'\w+' \((.+)\) is found after the birth; record it at the postpartum visit or the 42-day check\."), m => new($"“{m.Groups[1].Value}”是产后情况，请在产后访视或产后42天检查时记录。", m.Value)),
        (Rx(@"'\w+' \((.+)\) is a risk factor from (\d+)\+0 weeks; the pregnancy was (\d+)\+(\d) weeks on that date\."), m => new(
            $"“{m.Groups[1].Value}”自孕 {m.Groups[2].Value}+0 周起才是风险因素；检查当天为孕 {m.Groups[3].Value}+{m.Groups[4].Value} 周。", m.Value)),
        (Rx(@"'\w+' \((.+)\) is a finding of the pregnancy; this exam is after the birth\."), m => new($"“{m.Groups[1].Value}”是孕期情况，本次检查在分娩之后。", m.Value)),
        (Rx(@"'(.+)' was never coded for this pregnancy, so it cannot be resolved\."), _ => new("本次妊娠没有记录过这一情况，无法解除。", "It was never recorded for this pregnancy, so it cannot be resolved.")),
        (Exact("The next appointment must be after the exam date."), _ => new("下次预约日期应晚于检查日期。", "The next appointment must be after the exam date.")),
        (Exact("The next appointment must be within 26 weeks of the exam."), _ => new("下次预约日期应在检查后 26 周内。", "The next appointment must be within 26 weeks of the exam.")),
        (Rx(@"'(\w+)' is not a measurement HighRisk knows.*"), _ => new("不是可识别的检查指标。", "Not a known measurement.")),
        (Rx(@"'(\w+)' must be a number\."), _ => new("请填写数字。", "Give a number.")),
        (Rx(@"'(\w+)' must be one of (.+)\."), m => new($"请选择：{m.Groups[2].Value}。", $"Choose one of {m.Groups[2].Value}.")),
        (Rx(@"'(\w+)' must be between ([\d.]+) and ([\d.]+) (\S+)( \(a whole number\))?\."), m => new(
            $"应在 {m.Groups[2].Value}–{m.Groups[3].Value} {UnitZh(m.Groups[4].Value)}之间{(m.Groups[5].Success ? "，且为整数" : string.Empty)}。",
            $"Must be between {m.Groups[2].Value} and {m.Groups[3].Value} {m.Groups[4].Value}{m.Groups[5].Value}.")),
        (Exact("The systolic pressure must be higher than the diastolic pressure."), _ => new("收缩压应高于舒张压。", "The systolic pressure must be higher than the diastolic pressure.")),
        (Exact("Give both the systolic and the diastolic pressure."), _ => new("请同时填写收缩压和舒张压。", "Give both the systolic and the diastolic pressure.")),
        (Exact("The date cannot be in the future."), _ => new("日期不能晚于今天。", "The date cannot be in the future.")),
        (Rx(@"The date is before the LMP \(([\d-]+)\)\."), m => new($"日期早于末次月经（{m.Groups[1].Value}）。", m.Value)),
        (Rx(@"The date is before the LMP \(([\d-]+)\) or the last exam \(([\d-]*)\)\."), m => new($"日期早于末次月经（{m.Groups[1].Value}）或最近一次产检（{m.Groups[2].Value}）。", m.Value)),
        (Exact("The next appointment must be after the contact."), _ => new("下次预约日期应晚于本次随访。", "The next appointment must be after the contact.")),
        (Exact("The next appointment must be within 26 weeks."), _ => new("下次预约日期应在 26 周以内。", "The next appointment must be within 26 weeks.")),
        (Exact("Give the delivery mode."), _ => new("请选择分娩方式。", "Give the delivery mode.")),
        (Exact("A mode is given only for a delivery."), _ => new("只有分娩才填写分娩方式。", "A mode is given only for a delivery.")),
        (Exact("A discharge date is given only for a delivery."), _ => new("只有分娩才填写出院日期。", "A discharge date is given only for a delivery.")),
        (Exact("The discharge cannot be before the delivery."), _ => new("出院日期不能早于分娩日期。", "The discharge cannot be before the delivery.")),
        (Exact("The discharge date cannot be in the future."), _ => new("出院日期不能晚于今天。", "The discharge date cannot be in the future.")),
        (Exact("There is no overdue list for a future date."), _ => new("没有未来日期的逾期名单。", "There is no overdue list for a future date.")),
        (Exact("Say what action was taken."), _ => new("请填写采取的措施。", "Say what action was taken.")),

        // Conflicts (409) shown above the form
        (Starts("This woman already has an open pregnancy; close it"), _ => new("该孕妇已有未结案的妊娠记录，请先结案再建册。", "This woman already has an open pregnancy; close it before booking a new one.")),
        (Starts("This woman already has an open pregnancy registered in another area"), _ => new("该孕妇已在其他地区建册且未结案，请联系县级妇幼保健机构。", "This woman has an open pregnancy registered in another area; contact the county MCH institution.")),
        (Rx(@"The pregnancy was closed on ([\d-]+) \((\w+)\); it takes no new exams\."), m => new($"该妊娠已于 {m.Groups[1].Value} 结案，不能再记录产检。", m.Value)),
        (Rx(@"The pregnancy was already closed on ([\d-]+) \((\w+)\)\."), m => new($"该妊娠已于 {m.Groups[1].Value} 结案。", m.Value)),
        (Starts("The pregnancy is closed and nothing is due"), _ => new("该妊娠已结案且没有待随访事项。", "The pregnancy is closed and nothing is due.")),
        (Rx(@"The alert was already acknowledged by (.+)\."), m => new($"该预警已由 {m.Groups[1].Value} 确认处理。", m.Value)),
    ];

    /// <summary>The message for one failure, in both languages.</summary>
    public static Text For(ValidationFailure failure)
    {
        var text = Translate(failure.ErrorMessage);
        return text ?? ByRule(failure) ?? new($"填写有误：{failure.ErrorMessage}", failure.ErrorMessage);
    }

    /// <summary>A message the validators or the domain write in their own words; null when it is not one of them.</summary>
    public static Text? Translate(string message)
    {
        foreach (var (pattern, text) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return text(match);
            }
        }

        return null;
    }

    /// <summary>A form field that could not be read as what it must be (a number, a date).</summary>
    public static readonly Text NotANumber = new("请填写数字。", "Give a number.");

    public static readonly Text NotAWholeNumber = new("请填写整数。", "Give a whole number.");

    public static readonly Text NotADate = new("请按“年-月-日”填写日期。", "Give the date as yyyy-mm-dd.");

    private static Text? ByRule(ValidationFailure failure)
    {
        var values = failure.FormattedMessagePlaceholderValues ?? new Dictionary<string, object>();
        string Value(string key) => values.TryGetValue(key, out var v) ? Show(v) : string.Empty;
        return failure.ErrorCode switch
        {
            "NotEmptyValidator" or "NotNullValidator" => new("必填。", "Required."),
            "InclusiveBetweenValidator" => new($"应在 {Value("From")}–{Value("To")} 之间。", $"Must be between {Value("From")} and {Value("To")}."),
            "MaximumLengthValidator" => new($"最多 {Value("MaxLength")} 个字（现有 {Value("TotalLength")} 个）。", $"At most {Value("MaxLength")} characters ({Value("TotalLength")} given)."),
            "LessThanOrEqualValidator" => new($"不能大于（晚于）{Value("ComparisonValue")}。", $"Must be at most {Value("ComparisonValue")}."),
            "GreaterThanOrEqualValidator" => new($"不能小于（早于）{Value("ComparisonValue")}。", $"Must be at least {Value("ComparisonValue")}."),
            "EnumValidator" => new("请选择一项。", "Choose one."),
            "RegularExpressionValidator" => new("格式不正确。", "The format is wrong."),
            _ => null,
        };
    }

    private static string Show(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string UnitZh(string unit) => unit switch
    {
        "count" => "个",
        "grade" or "class" => "级",
        _ => unit + " ",
    };

    private static Regex Exact(string text) => new($"^{Regex.Escape(text)}$", RegexOptions.CultureInvariant);

    private static Regex Starts(string text) => new($"^{Regex.Escape(text)}", RegexOptions.CultureInvariant);

    private static Regex Rx(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);
}
