namespace HighRisk.Localization;

/// <summary>Consultation's entries (会诊: asking, taking, answering, the expert pools).</summary>
public static partial class Messages
{
    // Conflicts (409): each names the consultation's state ({State}; the problem details carry it as `state` too)
    public static readonly Message ConsultationOnClosedPregnancy = new(
        "ConsultationOnClosedPregnancy", "The pregnancy is closed and no longer managed; consultations are asked while her episode is.", "该妊娠已结案，不能再申请会诊。");
    public static readonly Message ConsultationAlreadyTaken = new(
        "ConsultationAlreadyTaken", "The consultation is already {State}, by {By}.", "该会诊已由 {By} 接诊。", "{By} has already taken the consultation.");
    public static readonly Message ConsultationAlreadyAnswered = new("ConsultationAlreadyAnswered", "The consultation is already {State}.", "该会诊已经答复。", "The consultation is already answered.");
    public static readonly Message ConsultationNotTaken = new(
        "ConsultationNotTaken", "The consultation is {State}: take it before answering.", "该会诊尚未接诊，请先接诊再答复。", "Take the consultation before answering it.");
    public static readonly Message ConsultationTakenByAnother = new(
        "ConsultationTakenByAnother", "The consultation is {State} by {By}; only the expert who took it answers it.", "该会诊已由 {By} 接诊，只有接诊的专家可以答复。",
        "{By} took the consultation; only they answer it.");

    // Forbidden (403)
    public static readonly Message ConsultationPoolMembersOnly = new(
        "ConsultationPoolMembersOnly", "Only the members of the consultation's expert pool take and answer it.", "只有该会诊专家组的成员可以接诊和答复。");

    // Asking (400)
    public static readonly Message NoExpertPool = new(
        "NoExpertPool", "No {Specialty} expert pool answers for her division; an administrator sets pools up.", "她所在地区没有{Specialty}专家组，请联系管理员设置。");
    public static readonly Message ExpertPoolUnfit = new(
        "ExpertPoolUnfit", "The pool is not a {Specialty} expert pool that answers for her division.", "所选专家组不是负责她所在地区的{Specialty}专家组。");

    // Lists
    public static readonly Message ConsultationStatusFilter = new("ConsultationStatusFilter", "The status must be open, taken or answered.", "状态应为待接诊、已接诊或已答复。");
    public static readonly Message ConsultationMineFilter = new("ConsultationMineFilter", "mine must be asked, taken or pools.", "应为我提出的、我接诊的或我所在专家组的。");

    // Expert pools (administration)
    public static readonly Message ExpertPoolDivision = new("ExpertPoolDivision", "The division must be a city (4 digits) or county (6 digits) code.", "地区应为市（4 位）或县（6 位）区划代码。");
    public static readonly Message ExpertPoolDuplicate = new("ExpertPoolDuplicate", "This division already has an expert pool of that specialty.", "该地区已有同一专科的专家组。");
    public static readonly Message ExpertPoolTooManyMembers = new("ExpertPoolTooManyMembers", "A pool has at most {Max} members.", "专家组最多 {Max} 名成员。");
    public static readonly Message ExpertPoolMemberRepeated = new("ExpertPoolMemberRepeated", "A member is listed more than once.", "成员有重复。");
    public static readonly Message ExpertPoolMemberIneligible = new(
        "ExpertPoolMemberIneligible", "'{PropertyValue}' is not an enabled staff account whose area holds the pool's division.",
        "该账号不存在、已停用，或其管理范围不包括专家组所在地区。", "Not an enabled staff account whose area holds the pool's division.");
}
