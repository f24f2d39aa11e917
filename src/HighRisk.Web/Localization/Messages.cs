using System.Reflection;
using FluentValidation.Results;

namespace HighRisk.Localization;

/// <summary>
/// Every failure message by its code: the API's English (unchanged wording: clients are written against it) and the
/// web app's Chinese and English (the English defaults to the API's). Validators give a rule its entry with
/// <c>.WithError(Messages.X)</c> (<see cref="MessageRules"/>), handlers build failures (<c>Messages.X.At(field)</c>) and
/// conflicts from an entry, and the form looks the texts up by the failure's code, so a
/// reworded message cannot silently lose its Chinese. The codes are part of the API (<c>errorCodes</c> in a 400, <c>code</c>
/// in a 409): never rename one. FluentValidation's built-in rules keep their own codes and their own API wording.
/// </summary>
public static partial class Messages
{
    // FluentValidation's built-in rules (code = the validator's name). The API keeps FluentValidation's own wording.
    public static readonly Message NotEmpty = new("NotEmptyValidator", null, "必填。", "Required.");
    public static readonly Message NotNull = new("NotNullValidator", null, "必填。", "Required.");
    public static readonly Message InclusiveBetween = new("InclusiveBetweenValidator", null, "应在 {From}–{To} 之间。", "Must be between {From} and {To}.");
    public static readonly Message MaximumLength = new("MaximumLengthValidator", null, "最多 {MaxLength} 个字（现有 {TotalLength} 个）。", "At most {MaxLength} characters ({TotalLength} given).");
    public static readonly Message Length = new("LengthValidator", null, "应为 {MinLength}–{MaxLength} 个字（现有 {TotalLength} 个）。", "{MinLength} to {MaxLength} characters ({TotalLength} given).");
    public static readonly Message NotEqual = new("NotEqualValidator", null, "请选择一项。", "Choose one.");
    public static readonly Message LessThanOrEqual = new("LessThanOrEqualValidator", null, "不能大于（晚于）{ComparisonValue}。", "Must be at most {ComparisonValue}.");
    public static readonly Message GreaterThanOrEqual = new("GreaterThanOrEqualValidator", null, "不能小于（早于）{ComparisonValue}。", "Must be at least {ComparisonValue}.");
    public static readonly Message InEnum = new("EnumValidator", null, "请选择一项。", "Choose one.");
    public static readonly Message RegularExpression = new("RegularExpressionValidator", null, "格式不正确。", "The format is wrong.");
    public static readonly Message Email = new("EmailValidator", null, "电子邮箱格式不正确。", "Not an email address.");

    // The request as read before any validator (Infrastructure/Web: InputGuard, RequestFailures)
    public static readonly Message NulCharacter = new("NulCharacter", "The value contains a NUL character (\\u0000), which no field can hold.", "内容含有空字符（\\u0000），无法保存。");
    public static readonly Message ControlCharacter = new(
        "ControlCharacter", "The value contains a control character (U+{Code}); only tab and line breaks are taken.", "内容含有控制字符（U+{Code}），无法保存。",
        "The value contains a control character (U+{Code}).");
    public static readonly Message ValueTooLong = new("ValueTooLong", "The value is {Length} characters long; no field takes more than {Max}.", "内容过长（{Length} 个字符）。");
    public static readonly Message NulInFieldName = new("NulInFieldName", "A field name contains a NUL character.", "字段名含有空字符。");
    public static readonly Message DateOutOfRange = new("DateOutOfRange", "The date is out of range: years {EarliestYear} to {LatestYear} are taken.", "日期超出范围：只接受 {EarliestYear}–{LatestYear} 年。");
    public static readonly Message BodyTooLarge = new("BodyTooLarge", "The request body is too large.", "提交的内容过大。");
    public static readonly Message BodyMissing = new("BodyMissing", "The request needs a JSON body.", "请求缺少 JSON 内容。");
    public static readonly Message BodyNotJson = new("BodyNotJson", "Send the body as JSON, with Content-Type: application/json.", "请以 JSON 格式提交（Content-Type: application/json）。");
    public static readonly Message JsonInvalid = new("JsonInvalid", "The body is not valid JSON.", "提交的内容不是有效的 JSON。");
    public static readonly Message ValueMalformed = new("ValueMalformed", "The value at '{Field}' is malformed or of the wrong type.", "格式或类型不正确。", "The value is malformed or of the wrong type.");
    public static readonly Message FieldUnknown = new("FieldUnknown", "'{Field}' is not a known field.", "“{Field}”不是可识别的字段。");
    public static readonly Message FieldRepeated = new("FieldRepeated", "'{Field}' is given more than once.", "“{Field}”重复出现，只能填写一次。");
    public static readonly Message ParameterNotOfKind = new("ParameterNotOfKind", "'{Value}' is not {Kind}.", "“{Value}”不是{Kind}。");
    public static readonly Message ParameterInvalid = new("ParameterInvalid", "{Detail}", "参数无效：{Detail}");
    public static readonly Message DatabaseUnavailable = new(
        "DatabaseUnavailable", "The database cannot be reached just now; nothing was done. Try again in {Seconds} seconds.", "数据库暂时无法连接，本次操作未执行。请 {Seconds} 秒后重试。");
    public static readonly Message IdempotencyKeyTooLong = new("IdempotencyKeyTooLong", "The Idempotency-Key header must be at most 100 characters.", "Idempotency-Key 请求头最多 100 个字符。");

    // Sign-in (answered, not thrown)
    public static readonly Message SignInWrong = new("SignInWrong", "The user name or password is wrong.", "用户名或密码错误。");
    public static readonly Message SignInLocked = new(
        "SignInLocked", "The account is locked after repeated failed sign-ins; try again in 15 minutes or ask an administrator.", "连续登录失败次数过多，账号已锁定。请 15 分钟后再试，或联系管理员。");

    // Resident ID number (GB 11643)
    public static readonly Message ResidentIdRequired = new("ResidentIdRequired", "The resident ID number is required.", "请填写身份证号码。");
    public static readonly Message ResidentIdLength = new("ResidentIdLength", "The resident ID number must have 18 characters.", "身份证号码应为 18 位。");
    public static readonly Message ResidentIdDigits = new(
        "ResidentIdDigits", "The first 17 characters of the resident ID number must be digits.",
        "身份证号码前 17 位应为数字。", "The first 17 characters must be digits.");
    public static readonly Message ResidentIdLastCharacter = new(
        "ResidentIdLastCharacter", "The last character of the resident ID number must be a digit or X.",
        "身份证号码最后一位应为数字或 X。", "The last character must be a digit or X.");
    public static readonly Message ResidentIdBirthDate = new(
        "ResidentIdBirthDate", "Characters 7-14 of the resident ID number are not a real date of birth.",
        "身份证号码第 7–14 位不是有效的出生日期。", "Characters 7–14 are not a real date of birth.");
    public static readonly Message ResidentIdBornInFuture = new(
        "ResidentIdBornInFuture", "The date of birth in the resident ID number is in the future.",
        "身份证号码中的出生日期晚于今天。", "The date of birth in the number is in the future.");
    public static readonly Message ResidentIdCheckCharacter = new(
        "ResidentIdCheckCharacter", "The check character of the resident ID number does not match (ISO 7064 MOD 11-2): the number is mistyped.",
        "身份证号码校验位不符，号码可能输错了，请核对。", "The check character does not match: the number is mistyped.");
    public static readonly Message ResidentIdMale = new(
        "ResidentIdMale", "The 17th digit of the resident ID number is odd, which is a man's number: give the pregnant woman's own.",
        "身份证号码第 17 位为奇数（男性号码），请填写孕妇本人的身份证号码。", "The 17th digit is odd (a man's number): give the woman's own.");
    public static readonly Message ResidentIdAge = new(
        "ResidentIdAge", "The date of birth in the resident ID number makes her younger than 10 or older than 70: check the number.",
        "按身份证号码中的出生日期，年龄不足 10 岁或超过 70 岁，请核对号码。", "The date of birth makes her younger than 10 or older than 70: check the number.");

    // Booking
    public static readonly Message MobileNotMainland = new(
        "MobileNotMainland", "The mobile number must be a mainland mobile number: 11 digits starting 13–19, optionally +86.",
        "请填写 11 位手机号码（以 13–19 开头，可加 +86）。", "Give a mainland mobile number: 11 digits starting 13–19, optionally +86.");
    public static readonly Message MobileDataOnly = new(
        "MobileDataOnly", "The mobile number is of a data-only segment (140, 141, 144, 146, 148), not a phone she answers: give her own mobile.",
        "这是物联网/上网卡号码（140、141、144、146、148 号段），请填写孕妇本人的手机号码。", "A data-only number (140, 141, 144, 146, 148): give her own mobile.");
    public static readonly Message LmpRequired = new("LmpRequired", "Give the LMP date (or the EDD).", "请填写末次月经日期（或预产期）。", "Give the LMP (or the EDD).");
    public static readonly Message LmpInFuture = new("LmpInFuture", "The LMP cannot be in the future.", "末次月经日期不能晚于今天。");
    public static readonly Message LmpTooLongAgo = new("LmpTooLongAgo", "The LMP is more than {Weeks} weeks before the booking.", "末次月经距建档已超过 {Weeks} 周，请核对。");
    public static readonly Message EddNotLmpPlus280 = new("EddNotLmpPlus280", "The EDD must be the LMP + 280 days; give one of them.", "预产期应为末次月经加 280 天；两者填写一项即可。");
    public static readonly Message EddTooFar = new("EddTooFar", "The EDD is more than 280 days away.", "预产期距今超过 280 天，请核对。");
    public static readonly Message EddTooEarly = new("EddTooEarly", "The EDD is too far before the booking.", "预产期早于建档过久，请核对。");
    public static readonly Message BookingDateInFuture = new("BookingDateInFuture", "The booking date cannot be in the future.", "建册日期不能晚于今天。");
    public static readonly Message BookingDateBeforeLmp = new("BookingDateBeforeLmp", "The booking date cannot be before the LMP.", "建册日期不能早于末次月经。");
    public static readonly Message ResidenceCodeFormat = new(
        "ResidenceCodeFormat", "The division code must be the 12-digit village/residents' committee code or the 9-digit township/sub-district code.",
        "请选择居住的乡镇/街道（或填写 12 位村/社区代码、9 位乡镇/街道代码）。", "Choose the township (or give a 12-digit village or 9-digit township code).");
    public static readonly Message ResidenceUnknown = new("ResidenceUnknown", "No such township or sub-district (see GET /api/divisions).", "没有这个乡镇/街道，请重新选择。", "No such township or sub-district.");
    public static readonly Message FacilityUnknown = new("FacilityUnknown", "No such facility (see GET /api/facilities).", "没有这个机构，请重新选择。", "No such facility.");
    public static readonly Message HeightOutOfRange = new("HeightOutOfRange", "The height must be between {Min} and {Max} cm.", "身高应在 {Min}–{Max} 厘米之间。");
    public static readonly Message WeightOutOfRange = new("WeightOutOfRange", "The weight must be between {Min} and {Max} kg.", "体重应在 {Min}–{Max} 公斤之间。");
    public static readonly Message BmiImplausible = new(
        "BmiImplausible", "A height of {Height} cm and a weight of {Weight} kg make a BMI of {Bmi}, outside {Min}–{Max}: check both.",
        "身高 {Height} cm、体重 {Weight} kg 算得体重指数 {Bmi}，超出 {Min}–{Max}，请核对身高和体重。");
    public static readonly Message UterineSurgeryAfterLmp = new("UterineSurgeryAfterLmp", "The last uterine operation must be before the LMP.", "末次子宫手术日期应早于末次月经。");
    public static readonly Message CesareansAboveParity = new("CesareansAboveParity", "Caesareans cannot outnumber previous births (parity).", "剖宫产次数不能多于产次。");
    public static readonly Message GravidityTooLow = new(
        "GravidityTooLow", "Gravidity counts this pregnancy too: it must be at least parity + abortions + 1.",
        "孕次包括本次妊娠，应不少于“产次 + 流产次数 + 1”。", "Gravidity counts this pregnancy too: at least parity + abortions + 1.");
    public static readonly Message UterineSurgeryDateWithoutOperation = new(
        "UterineSurgeryDateWithoutOperation", "A last uterine operation date needs at least one caesarean or uterine operation.",
        "填写了末次子宫手术日期时，剖宫产或其他子宫手术次数至少为 1。");
    public static readonly Message FindingUnknown = new("FindingUnknown", "'{PropertyValue}' is not a factor or qualifier of the risk catalogue.", "“{PropertyValue}”不是风险评估表中的条目。");
    public static readonly Message FlagUnknown = new("FlagUnknown", "'{PropertyValue}' is not a factor of the risk catalogue.", "“{PropertyValue}”不是风险评估表中的条目。");
    public static readonly Message BookingAtOtherFacility = new("BookingAtOtherFacility", "A health worker books at her own facility ({Facility}).", "医生只能在本机构（{Facility}）建册。");
    public static readonly Message ResidenceOutsideArea = new("ResidenceOutsideArea", "The woman's residence is outside your area.", "该孕妇的居住地不在您的管理范围内。");
    public static readonly Message OpenPregnancyExists = new(
        "OpenPregnancyExists", "This woman already has an open pregnancy; close it before booking a new one.", "该孕妇已有未结案的妊娠记录，请先结案再建册。");
    public static readonly Message OpenPregnancyElsewhere = new(
        "OpenPregnancyElsewhere", "This woman already has an open pregnancy registered in another area; contact the county MCH institution.",
        "该孕妇已在其他地区建册且未结案，可申请转入本地管理。", "This woman has an open pregnancy registered in another area; contact the county MCH institution.");

    // Findings coded at the wrong time (Features/Risk/FindingRules)
    public static readonly Message FindingOnlyAfterBirth = new(
        "FindingOnlyAfterBirth", "'{Factor}' ({FactorName}) is found after the birth; record it at the postpartum visit or the 42-day check.",
        "“{FactorName}”是产后情况，请在产后访视或产后42天检查时记录。");
    public static readonly Message FindingTooEarly = new(
        "FindingTooEarly", "'{Factor}' ({FactorName}) is a risk factor from {FromWeeks}+0 weeks; the pregnancy was {Weeks}+{Days} weeks on that date.",
        "“{FactorName}”自孕 {FromWeeks}+0 周起才计为高危因素，当日孕周为 {Weeks}+{Days}。");
    public static readonly Message FindingUndated = new(
        "FindingUndated", "'{Factor}' ({FactorName}) is a risk factor from {FromWeeks}+0 weeks; give the LMP or the gestational weeks to date the pregnancy.",
        "“{FactorName}”自孕 {FromWeeks}+0 周起才计为高危因素，请填写末次月经或孕周。");
    public static readonly Message FindingOnlyInPregnancy = new(
        "FindingOnlyInPregnancy", "'{Factor}' ({FactorName}) is a finding of the pregnancy; this exam is after the birth.",
        "“{FactorName}”是孕期情况，本次检查在分娩之后。");

    // Exams and measurements
    public static readonly Message ExamDateInFuture = new("ExamDateInFuture", "The exam date cannot be in the future.", "检查日期不能晚于今天。");
    public static readonly Message ExamDateBeforeLmp = new("ExamDateBeforeLmp", "The exam date is before the LMP ({Lmp}).", "检查日期早于末次月经（{Lmp}）。");
    public static readonly Message ResolvedFindingNotObject = new("ResolvedFindingNotObject", "Each resolved finding is an object with id and reason.", "每项解除的情况应包括条目和原因。");
    public static readonly Message ResolutionReasonRequired = new("ResolutionReasonRequired", "Say why the finding is resolved.", "请填写解除原因。");
    public static readonly Message ResolvedNeverCoded = new(
        "ResolvedNeverCoded", "'{Finding}' was never coded for this pregnancy, so it cannot be resolved.",
        "本次妊娠没有记录过这一情况，无法解除。", "It was never recorded for this pregnancy, so it cannot be resolved.");
    public static readonly Message ExamAppointmentNotAfter = new("ExamAppointmentNotAfter", "The next appointment must be after the exam date.", "下次预约日期应晚于检查日期。");
    public static readonly Message ExamAppointmentTooFar = new("ExamAppointmentTooFar", "The next appointment must be within 26 weeks of the exam.", "下次预约日期应在检查后 26 周内。");
    public static readonly Message MeasurementUnknown = new(
        "MeasurementUnknown", "'{Name}' is not a measurement HighRisk knows (see docs/observations.md).", "不是可识别的检查指标。", "Not a known measurement.");
    public static readonly Message MeasurementNotANumber = new("MeasurementNotANumber", "'{Name}' must be a number.", "请填写数字。", "Give a number.");
    public static readonly Message MeasurementNotAGrade = new("MeasurementNotAGrade", "'{Name}' must be one of {Grades}.", "请选择：{Grades}。", "Choose one of {Grades}.");
    public static readonly Message MeasurementOutOfRange = new(
        "MeasurementOutOfRange", "'{Name}' must be between {Min} and {Max} {Unit}.", "应在 {Min}–{Max} {Unit}之间。", "Must be between {Min} and {Max} {Unit}.");
    public static readonly Message MeasurementOutOfRangeWhole = new(
        "MeasurementOutOfRangeWhole", "'{Name}' must be between {Min} and {Max} {Unit} (a whole number).",
        "应在 {Min}–{Max} {Unit}之间，且为整数。", "Must be between {Min} and {Max} {Unit} (a whole number).");
    public static readonly Message SystolicNotAboveDiastolic = new(
        "SystolicNotAboveDiastolic", "The systolic pressure must be higher than the diastolic pressure.", "收缩压应高于舒张压。");
    public static readonly Message BloodPressureIncomplete = new("BloodPressureIncomplete", "Give both the systolic and the diastolic pressure.", "请同时填写收缩压和舒张压。");

    // Follow-ups, referrals, raises, evaluations
    public static readonly Message DateInFuture = new("DateInFuture", "The date cannot be in the future.", "日期不能晚于今天。");
    public static readonly Message DateBeforeLmp = new("DateBeforeLmp", "The date is before the LMP ({Lmp}).", "日期早于末次月经（{Lmp}）。");
    public static readonly Message MovedAwayButReached = new(
        "MovedAwayButReached", "A contact that reached her cannot say she moved away; record a reached contact, or a failed one with movedAway.",
        "已联系上本人时不能勾选“已迁出，去向不明”：请记录为已联系上，或记录一次未联系上的随访并勾选“已迁出”。");
    public static readonly Message FollowUpAppointmentNotAfter = new("FollowUpAppointmentNotAfter", "The next appointment must be after the contact.", "下次预约日期应晚于本次随访。");
    public static readonly Message FollowUpAppointmentTooFar = new("FollowUpAppointmentTooFar", "The next appointment must be within 26 weeks.", "下次预约日期应在 26 周以内。");
    public static readonly Message ReferralOutcomeBeforeReferral = new("ReferralOutcomeBeforeReferral", "The outcome cannot be before the referral.", "转诊结果日期不能早于转诊日期。");
    public static readonly Message ColourNotRaisable = new("ColourNotRaisable", "The colour must be yellow, orange or red.", "请选择黄色、橙色或红色。");
    public static readonly Message BirthDateInFuture = new("BirthDateInFuture", "The birth date cannot be in the future.", "出生日期不能晚于今天。");
    public static readonly Message AgeAndBirthDate = new("AgeAndBirthDate", "Give the birth date or the age, not both.", "出生日期和年龄只填一项。");
    public static readonly Message DaysWithoutWeeks = new("DaysWithoutWeeks", "Give the days with the gestational weeks.", "填写孕天时请同时填写孕周。");
    public static readonly Message LmpAndWeeks = new("LmpAndWeeks", "Give the LMP or the gestational weeks, not both.", "末次月经和孕周只填一项。");
    public static readonly Message LmpAfterAssessment = new("LmpAfterAssessment", "The LMP must be on or before the assessment date.", "末次月经不能晚于评估日期。");

    // Closing
    public static readonly Message DeliveryModeRequired = new("DeliveryModeRequired", "Give the delivery mode.", "请选择分娩方式。");
    public static readonly Message ModeOnlyForDelivery = new("ModeOnlyForDelivery", "A mode is given only for a delivery.", "只有分娩才填写分娩方式。");
    public static readonly Message DischargeOnlyForDelivery = new("DischargeOnlyForDelivery", "A discharge date is given only for a delivery.", "只有分娩才填写出院日期。");
    public static readonly Message DischargeBeforeDelivery = new("DischargeBeforeDelivery", "The discharge cannot be before the delivery.", "出院日期不能早于分娩日期。");
    public static readonly Message DischargeInFuture = new("DischargeInFuture", "The discharge date cannot be in the future.", "出院日期不能晚于今天。");
    public static readonly Message DeliveryFacilityOnlyForDelivery = new("DeliveryFacilityOnlyForDelivery", "A delivery facility is given only for a delivery.", "只有分娩才填写分娩机构。");
    public static readonly Message ReceivingFacilityOnlyForMove = new("ReceivingFacilityOnlyForMove", "A receiving facility is given only for a move (movedAway).", "只有迁出才填写接收机构。");
    public static readonly Message ReceivingFacilityBlank = new("ReceivingFacilityBlank", "Name the facility she was handed over to, or leave it out.", "请填写接收机构的名称，或不填此项。");
    public static readonly Message CloseBeforeBookingOrExam = new(
        "CloseBeforeBookingOrExam", "The date is before the booking ({BookingDate}) or the last exam ({LastExam}): she was still pregnant then.",
        "日期早于建册日期（{BookingDate}）或最近一次产检（{LastExam}），当时她仍在孕期。");
    public static readonly Message DeliveryTooEarly = new(
        "DeliveryTooEarly", "She was {Weeks}+{Days} weeks on that date; before {EarliestWeeks} weeks record a miscarriage or termination.",
        "当日孕周为 {Weeks}+{Days}：不满 {EarliestWeeks} 周请记录为流产或引产。");
    public static readonly Message MiscarriageTooLate = new(
        "MiscarriageTooLate", "She was {Weeks}+{Days} weeks on that date; a loss from {LatestWeeks} weeks is recorded as a delivery (stillbirth).",
        "当日孕周为 {Weeks}+{Days}：满 {LatestWeeks} 周的妊娠丢失记为分娩（死产）。");

    // Lists and queries
    public static readonly Message PregnancyListDivision = new("PregnancyListDivision", "The division must be a division-code prefix (2 to 12 digits).", "地区应为 2–12 位区划代码。");
    public static readonly Message GradeFilter = new("GradeFilter", "The grade must be green, yellow, orange or red.", "分级应为绿色、黄色、橙色或红色。");
    public static readonly Message PregnancyStatusFilter = new(
        "PregnancyStatusFilter", "The status must be open, closed or postpartum (delivered, until the 42-day check).", "状态应为在册、已结案或产后管理中。");
    public static readonly Message CursorUnknown = new("CursorUnknown", "The cursor is not one this API returned.", "翻页标记无效，请回到第一页。");
    public static readonly Message OverdueDivision = new(
        "OverdueDivision", "The division must be a township (9 digits), county (6), city (4) or province (2) code.", "地区应为乡镇/街道（9 位）、县（6 位）、市（4 位）或省（2 位）代码。");
    public static readonly Message OverdueDateInFuture = new("OverdueDateInFuture", "There is no overdue list for a future date.", "没有未来日期的逾期名单。");
    public static readonly Message OverdueFormat = new("OverdueFormat", "The format must be json, xlsx or csv.", "格式应为 json、xlsx 或 csv。");
    public static readonly Message OverdueCursorOtherList = new(
        "OverdueCursorOtherList", "The cursor belongs to the list of another division or date: leave division and date out, or start again without a cursor.",
        "翻页标记属于另一地区或日期的名单，请回到第一页。");
    public static readonly Message DailyJobDateTooOld = new(
        "DailyJobDateTooOld", "The date must be within the last {Days} days, as far back as a missed morning is made good.", "日期应在最近 {Days} 天内（错过的早晨最多补做这么久）。");
    public static readonly Message AlertListDivision = new("AlertListDivision", "The division must be a division-code prefix.", "地区应为区划代码。");
    public static readonly Message AlertStatusFilter = new("AlertStatusFilter", "The status must be open, acknowledged or escalated.", "状态应为待处理、已确认或已上报。");
    public static readonly Message AuditActionUnknown = new("AuditActionUnknown", "The action must be one of {Actions}.", "操作类型应为以下之一：{Actions}。");
    public static readonly Message DivisionParentFormat = new("DivisionParentFormat", "The parent must be a division code.", "上级应为区划代码。");
    public static readonly Message FacilityDivisionFormat = new("FacilityDivisionFormat", "Give a division code (2 to 12 digits).", "请填写 2–12 位区划代码。");

    // Alerts
    public static readonly Message ActionRequired = new("ActionRequired", "Say what action was taken.", "请填写采取的措施。");

    // Accounts and contacts (administration)
    public static readonly Message UserNameCharacters = new("UserNameCharacters", "Letters, digits, dot, dash and underscore only.", "只能使用字母、数字、点、短横线和下划线。");
    public static readonly Message StaffMobileNotMainland = new("StaffMobileNotMainland", "Not a mainland mobile number.", "不是有效的大陆手机号码。");
    public static readonly Message StaffDivisionLength = new("StaffDivisionLength", "A {Role} answers for a {Digits}-digit division code.", "该角色应使用 {Digits} 位区划代码。");
    public static readonly Message DivisionUnknown = new("DivisionUnknown", "No such division.", "没有这个地区。");
    public static readonly Message StaffFacilityRequired = new("StaffFacilityRequired", "A health worker belongs to a facility.", "医生账号应有所属机构。");
    public static readonly Message StaffFacilityUnknown = new("StaffFacilityUnknown", "No such facility.", "没有这个机构，请重新选择。");
    public static readonly Message AccountRefused = new("AccountRefused", "{Description}", "账号设置未通过：{Description}");
    public static readonly Message ContactMissing = new("ContactMissing", "Give a mobile number or an email address.", "请填写手机号码或电子邮箱。");

    // SMS delivery receipts (pushed by the provider)
    public static readonly Message ReceiptsMissing = new("ReceiptsMissing", "Send at least one receipt.", "请至少提交一条回执。");
    public static readonly Message RepliesTooMany = new("RepliesTooMany", "At most {Max} replies in one push.", "每次最多提交 {Max} 条回复。");
    public static readonly Message ReceiptsTooMany = new("ReceiptsTooMany", "At most {Max} receipts in one push.", "每次最多提交 {Max} 条回执。");
    public static readonly Message ReceiptNotObject = new("ReceiptNotObject", "A receipt is a JSON object.", "每条回执应为一个 JSON 对象。");
    public static readonly Message ReceiptMessageUnnamed = new(
        "ReceiptMessageUnnamed", "Name the message: out_id (HighRisk's message id) or biz_id (the provider's).", "请提供 out_id（本系统的短信编号）或 biz_id（服务商的编号）。");
    public static readonly Message ReceiptOutIdFormat = new("ReceiptOutIdFormat", "out_id is HighRisk's message id: 32 hex digits or a GUID.", "out_id 应为本系统的短信编号：32 位十六进制数字或 GUID。");
    public static readonly Message ReceiptSuccessMissing = new("ReceiptSuccessMissing", "success is true (received) or false (not received).", "success 应为 true（已送达）或 false（未送达）。");
    public static readonly Message ReceiptStatusMissing = new("ReceiptStatusMissing", "err_code is the receipt's status code, e.g. DELIVERED.", "err_code 应为回执的状态码，例如 DELIVERED。");
    public static readonly Message ReceiptTimeFormat = new("ReceiptTimeFormat", "report_time is Beijing time as yyyy-MM-dd HH:mm:ss.", "report_time 应为北京时间，格式为 yyyy-MM-dd HH:mm:ss。");

    // Conflicts with the stored record (409), shown above the form
    public static readonly Message ExamOnClosedPregnancy = new(
        "ExamOnClosedPregnancy", "The pregnancy was closed on {Date} ({Outcome}); it takes no new exams.", "该妊娠已于 {Date} 结案，不能再记录产检。");
    public static readonly Message ExamBeforeBirth = new(
        "ExamBeforeBirth", "The birth was recorded on {Date}; only exams after it (the postpartum visit, the 42-day check) can be added.",
        "分娩日期为 {Date}，只能记录分娩之后的检查（产后访视、产后42天检查）。");
    public static readonly Message ExamAfterPostpartumEpisode = new(
        "ExamAfterPostpartumEpisode", "The 42-day check after the birth on {Date} ended the postpartum episode; it takes no new exams.",
        "产后42天检查已结束产后管理（分娩日期 {Date}），不能再记录检查。");
    public static readonly Message PregnancyAlreadyClosed = new("PregnancyAlreadyClosed", "The pregnancy was already closed on {Date} ({Outcome}).", "该妊娠已于 {Date} 结案。");
    public static readonly Message NothingToFollowUp = new(
        "NothingToFollowUp", "The pregnancy is closed and nothing is due; there is nothing to follow up.", "该妊娠已结案且没有待随访事项。", "The pregnancy is closed and nothing is due.");
    public static readonly Message FollowUpEnded = new("FollowUpEnded", "The pregnancy is closed and its follow-up has ended.", "该妊娠已结案，随访已结束。");
    public static readonly Message RaiseBeforeBirth = new("RaiseBeforeBirth", "The birth was on {Date}; a raise after it is dated from that day.", "分娩日期为 {Date}，产后上调分级的日期不能早于分娩日期。");
    public static readonly Message RaiseOnClosedPregnancy = new("RaiseOnClosedPregnancy", "The pregnancy is closed; its grade can no longer change.", "该妊娠已结案，风险分级不能再更改。");
    public static readonly Message AlertAlreadyAcknowledged = new("AlertAlreadyAcknowledged", "The alert was already acknowledged by {By}.", "该预警已由 {By} 确认处理。");
    public static readonly Message ReferralOutcomeRecorded = new("ReferralOutcomeRecorded", "The referral's outcome was already recorded.", "该转诊的结果已经记录。");
    public static readonly Message ContactDuplicate = new("ContactDuplicate", "This division already has a contact of that role with that name.", "该地区已有同一角色、同名的联系人。");

    // Built on first use, after every part's entries are set (static initialisers of partial files run in no defined order).
    private static readonly Lazy<Dictionary<string, Message>> Entries = new(() => typeof(Messages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Message))
        .Select(f => (Message)f.GetValue(null)!)
        .ToDictionary(m => m.Code, StringComparer.Ordinal));

    private static Dictionary<string, Message> ByCode => Entries.Value;

    /// <summary>Every entry, for the tests.</summary>
    public static IReadOnlyCollection<Message> All => ByCode.Values;

    public static Message? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var message) ? message : null;

    /// <summary>The texts for a failure, found by its code; a failure without a known code shows as 填写有误 and its own words, never dropped.</summary>
    public static Text For(ValidationFailure failure) =>
        Find(failure.ErrorCode) is { } message
            ? message.Show(Message.ValuesOf(failure))
            : new($"填写有误：{failure.ErrorMessage}", failure.ErrorMessage);

    /// <summary>The texts for a code with its values (a conflict, a sign-in failure).</summary>
    public static Text For(string code, IReadOnlyDictionary<string, object?> values, string fallback) =>
        Find(code)?.Show(values) ?? Text.Same(fallback);

    /// <summary>A measurement's unit in a range message: its Chinese word (个, 级) or the unit itself.</summary>
    public static Text Unit(string unit) => unit switch
    {
        "count" => new("个", unit),
        "grade" or "class" => new("级", unit),
        _ => new(unit + " ", unit),
    };
}
