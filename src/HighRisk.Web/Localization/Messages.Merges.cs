namespace HighRisk.Localization;

/// <summary>Merges' entries (重复建册的档案合并).</summary>
public static partial class Messages
{
    public static readonly Message MergeIsNotAClose = new("MergeIsNotAClose", "A record is merged by an administrator, not closed as merged.", "档案合并由管理员操作，不能以“已合并”结案。");
    public static readonly Message MergeAdministratorsOnly = new("MergeAdministratorsOnly", "Administrators only.", "仅管理员可以合并档案。");
    public static readonly Message MergeRecordId = new("MergeRecordId", "Give the record's id or its page's address.", "请填写档案ID或粘贴档案页面地址。");
    public static readonly Message MergeSameRecord = new("MergeSameRecord", "Choose two different records.", "请选择两份不同的档案。");
    public static readonly Message MergeRecordNotOpen = new("MergeRecordNotOpen", "Only two open records can be merged: {Which} is closed.", "只能合并两份在管的档案：{Which}已结案。");
    public static readonly Message MergeTransferPending = new("MergeTransferPending", "{Which} has a transfer waiting for an answer: settle it first.", "{Which}有待处理的转移申请，请先处理。");
    public static readonly Message MergeRaisesCollide = new("MergeRaisesCollide", "Both records have manual raises with the same id ({Id}): merge by hand.", "两份档案的手动上调编号相同（{Id}），无法自动合并。");
    public static readonly Message MergeUndone = new("MergeUndone", "This merge was already undone.", "该合并已撤销。");
    public static readonly Message MergeUndoExpired = new("MergeUndoExpired", "A merge can be undone for {Days} days only: this one was made on {Date}.", "合并后{Days}天内才能撤销，该合并操作于{Date}。");
    public static readonly Message MergeRecordChanged = new(
        "MergeRecordChanged",
        "The merged record was changed after the merge ({What}): it cannot be undone automatically.", "合并后档案已有变动（{What}），无法自动撤销。");
}
