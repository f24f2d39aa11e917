namespace HighRisk.Localization;

/// <summary>The merge page's texts (重复建册的档案合并, administrators only).</summary>
public static partial class Texts
{
    public static readonly Text NavMerges = new("档案合并", "Merges");
    public static readonly Text MergesTitle = new("合并重复档案", "Merge records of one woman");
    public static readonly Text MergesIntro = new(
        "同一孕妇被重复建册时，把一份档案并入另一份：产检、随访、评级记录、转诊都归入保留的档案，并重新评估风险。30天内可以撤销。",
        "When one woman was booked twice, merge one record into the other: exams, follow-ups, grade history and referrals join the kept record " +
        "and she is graded again. A merge can be undone for 30 days.");
    public static readonly Text MergeKeep = new("保留的档案", "Record to keep");
    public static readonly Text MergeMerged = new("并入的档案（将被关闭）", "Record to merge in (it will be closed)");
    public static readonly Text MergeRecordHint = new("粘贴档案页面的地址或档案编号（ID）。", "Paste the record page's address or its id.");
    public static readonly Text MergePreview = new("核对两份档案", "Compare the two records");
    public static readonly Text MergeConfirm = new("确认合并", "Merge them");
    public static readonly Text MergeCheck = new("请核对是否为同一人，再确认合并。", "Check that they are the same woman, then merge.");
    public static readonly Text MergeDone = new("已合并。30天内可以撤销。", "Merged. It can be undone for 30 days.");
    public static readonly Text MergeUndoneFlash = new("已撤销合并，两份档案已各自恢复。", "The merge is undone: each record has its own again.");
    public static readonly Text MergeHistory = new("合并记录", "Merges made");
    public static readonly Text NoMerges = new("暂无合并记录。", "No merges yet.");
    public static readonly Text MergeMoved = new("产检{0}次、随访{1}次、转诊{2}次", "{0} exams, {1} follow-ups, {2} referrals");
    public static readonly Text MergeUndo = new("撤销合并", "Undo");
    public static readonly Text MergeUndoBefore = new("{0}前可撤销", "Undo before {0}");
    public static readonly Text MergeUndoneBy = new("{0} 由{1}撤销", "Undone {0} by {1}");
    public static readonly Text MergeThis = new("合并重复档案", "Merge a duplicate record");
    public static readonly Text MergedInto = new("该档案为重复建册，已并入另一份档案。", "This record was booked twice and has been merged into another.");
    public static readonly Text OpenKeptRecord = new("打开保留的档案", "Open the kept record");
    public static readonly Text RecordId = new("档案ID", "Record id");
    public static readonly Text ExamCount = new("产检次数", "Exams");
    public static readonly Text MergeBirthDate = new("出生日期", "Birth date");
    public static readonly Text BookedOn = new("建册日期", "Booked on");
}
