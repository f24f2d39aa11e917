namespace HighRisk.Localization;

/// <summary>Transfers' entries (流动孕产妇: 转出、转入、重复建册).</summary>
public static partial class Messages
{
    public static readonly Message TransferState = new("TransferState", "The transfer is {State}: that cannot be done now.", "该转移当前为「{State}」状态，不能进行此操作。");
    public static readonly Message TransferPending = new("TransferPending", "She already has a transfer waiting for an answer.", "该孕妇已有待处理的转移申请。");
    public static readonly Message TransferToSameArea = new("TransferToSameArea", "She already lives in that township.", "孕妇已在该乡镇（街道）管理。");
    public static readonly Message TransferDivision = new(
        "TransferDivision", "Give a township (9 digits) or a village under it (12 digits) that exists.", "请选择乡镇（街道，9 位）或其下的村（居委会，12 位）。");
    public static readonly Message TransferNotDecider = new(
        "TransferNotDecider", "Only the other side decides: the receiving township for a transfer out, the holding township for a request.",
        "只有对方可以处理：转出由接收乡镇处理，申请转入由现管理乡镇处理。");
    public static readonly Message TransferNothingToRequest = new(
        "TransferNothingToRequest", "No open pregnancy of that resident ID is held in another area.", "其他地区没有该身份证号的在管孕产妇。");
    public static readonly Message TransferRequestDivision = new(
        "TransferRequestDivision", "Say which township she is to be transferred to (toDivisionCode, within your area).", "请选择转入的乡镇（街道），须在您的管辖范围内。");
    public static readonly Message PossibleDuplicate = new(
        "PossibleDuplicate",
        "{Count} open pregnancy record(s) match her name and birth date, or her mobile and name, under another resident ID: check the candidates, " +
        "then book again with confirmedNotDuplicate: true if she is not one of them.",
        "已有 {Count} 份在管档案与该孕妇姓名和出生日期、或手机号和姓名相同（身份证号不同），请核对；确认不是同一人后再建册。");
    public static readonly Message TransferDirection = new("TransferDirection", "The direction must be incoming or outgoing.", "方向应为转入或转出。");
    public static readonly Message TransferStatusFilter = new("TransferStatusFilter", "The status must be requested, accepted, declined or late.", "状态应为待处理、已接收、已拒绝或逾期。");
}
