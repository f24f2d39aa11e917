namespace HighRisk.Localization;

/// <summary>The texts of women who move (流动孕产妇): the transfer inbox, the 转出 form, the booking's 申请转入 and duplicates, the merge page.</summary>
public static partial class Texts
{
    public static readonly Text NavTransfers = new("转移", "Transfers");

    // Inbox
    public static readonly Text TransfersTitle = new("流动孕产妇转移", "Women who move");
    public static readonly Text TransfersIntro = new(
        "转入：转到本辖区的孕产妇，及本辖区申请转入的孕产妇；转出：本辖区转出的孕产妇，及其他地区申请转走的本辖区孕产妇。对方接收前，原管理地区继续负责随访。",
        "Incoming: women transferred to your area, and those your area asked for. Outgoing: your area's women transferred out, and those another area asks for. "
        + "Until the other side accepts, her old area keeps following her up.");
    public static readonly Text TransferDirection = new("转移方向", "Direction");
    public static readonly Text NoTransfers = new("没有符合条件的转移。", "No transfers match.");
    public static readonly Text TransferKindColumn = new("类型", "Kind");
    public static readonly Text TransferFromTo = new("转出地 → 转入地", "From → to");
    public static readonly Text TransferReason = new("原因", "Reason");
    public static readonly Text TransferAskedBy = new("申请人", "Asked by");
    public static readonly Text TransferActions = new("处理", "Answer");
    public static readonly Text NameShownOnAcceptance = new("对方同意前不显示姓名", "Her name is shown once accepted");
    public static readonly Text DeclinedBecause = new("拒绝原因：{0}", "Declined: {0}");
    public static readonly Text AcceptTransfer = new("接收转入", "Accept her");
    public static readonly Text AcceptTransferHint = new(
        "接收后她的档案、专案、转诊和预警转到本地；不选机构时由本乡镇（街道）卫生院或社区卫生服务中心负责随访。",
        "Her record, case, referrals and alerts move to your area; without a facility chosen, the township's health centre follows her up.");
    public static readonly Text ReleaseHer = new("同意转出", "Let her go");
    public static readonly Text ReleaseHerHint = new("同意后她的档案转由申请地区管理，本地不再能查看。", "Her record moves to the area that asked; yours no longer sees it.");
    public static readonly Text FollowUpFacility = new("负责随访的机构", "Facility that follows her up");
    public static readonly Text DefaultFacility = new("默认", "Default");
    public static readonly Text NewAddress = new("新住址", "New address");
    public static readonly Text DeclineTransfer = new("拒绝", "Decline");
    public static readonly Text DeclineTransferReason = new("拒绝原因", "Reason");
    public static readonly Text DeclineTransferHint = new("对方会看到原因。", "The other side sees it.");
    public static readonly Text ConfirmAccept = new("确认接收", "Accept");
    public static readonly Text ConfirmRelease = new("确认同意转出", "Let her go");
    public static readonly Text ConfirmDecline = new("确认拒绝", "Decline");
    public static readonly Text TransferAccepted = new("已接收，她的档案已转到本地。", "Accepted: her record is now your area's.");
    public static readonly Text TransferReleased = new("已同意转出。", "She is transferred.");
    public static readonly Text TransferDeclined = new("已拒绝。", "Declined.");

    // Home
    public static readonly Text TransfersToAccept = new("待接收的转入", "Transfers to accept");
    public static readonly Text TransferRequestsToAnswer = new("其他地区申请转走", "Asked for by another area");

    // The 转出 form on her record
    public static readonly Text TransferHer = new("转出", "Transfer her");
    public static readonly Text TransferHerTitle = new("转出到其他地区", "Transfer her to another area");
    public static readonly Text TransferIntro = new(
        "选择她将居住的乡镇（街道）。对方接收前，本地继续负责随访。", "Choose the township she moves to. Until it accepts, your area keeps following her up.");
    public static readonly Text City = new("市（州）", "City");
    public static readonly Text County = new("县（市、区）", "County");
    public static readonly Text UpdateDivisions = new("更新下级地区列表", "Update the lists");
    public static readonly Text TransferReasonHint = new("例如：回娘家待产，已在新住址居住。", "For example: she has moved to her parents' home to deliver.");
    public static readonly Text SendTransfer = new("发起转出", "Transfer her");
    public static readonly Text TransferSent = new("已发起转出，等待对方接收。", "The transfer is sent; waiting for the other side to accept.");
    public static readonly Text TransferPendingTag = new("转出待接收", "Transfer pending");
    public static readonly Text TransferPendingTo = new("已转出至{0}，等待对方接收；接收前由本地继续随访。", "Transferred to {0}, waiting for an answer; your area follows her up until then.");
    public static readonly Text TransferAskedFor = new("{0}申请转入她，等待本地处理。", "{0} asks for her; your area answers.");
    public static readonly Text SeeTransfers = new("查看转移", "See the transfers");

    // The booking form
    public static readonly Text RequestTransferHere = new("申请转入本地", "Ask for her to be transferred here");
    public static readonly Text RequestTransferHint = new(
        "现管理地区同意后，她的档案转入本地（所选乡镇、村）；同意前不显示她在其他地区的任何信息。",
        "Once her area agrees, her record moves to the township (and village) chosen below; nothing of it is shown before.");
    public static readonly Text RequestTransferReason = new("申请原因", "Reason");
    public static readonly Text TransferRequested = new("已申请，等待现管理地区处理。", "Asked: waiting for her area to answer.");
    public static readonly Text PossibleDuplicate = new(
        "可能重复建册：已有与所填信息相近的孕产妇，请核实是否为同一人。", "Possibly booked already: these women resemble the one entered. Check whether she is one of them.");
    public static readonly Text DuplicateCandidates = new("相近的孕产妇", "Similar women");
    public static readonly Text ConfirmNotDuplicate = new("确认不是同一人", "She is not one of them");
    public static readonly Text ConfirmNotDuplicateHint = new("勾选后再次保存建册。", "Tick, then save the booking again.");
    public static readonly Text BornOn = new("{0} 出生", "born {0}");
}
