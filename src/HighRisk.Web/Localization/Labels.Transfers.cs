using HighRisk.Features.Transfers;

namespace HighRisk.Localization;

/// <summary>Labels of transfers' values (流动孕产妇): states, kinds, the inbox's filters, and how a possible duplicate resembles her.</summary>
public static partial class Labels
{
    public static Text TransferStatus(TransferStatus status) => status switch
    {
        Features.Transfers.TransferStatus.Requested => new("待处理", "Waiting"),
        Features.Transfers.TransferStatus.Accepted => new("已接收", "Accepted"),
        _ => new("已拒绝", "Declined"),
    };

    /// <summary>A state as a 409 names it (<c>accepted</c>), in words; the name itself when unknown.</summary>
    public static Text TransferStatus(string state) =>
        Enum.TryParse<TransferStatus>(state, ignoreCase: true, out var status) ? TransferStatus(status) : Text.Same(state);

    public static Text TransferKind(TransferKind kind) => kind == Features.Transfers.TransferKind.Out ? new("转出", "Transfer out") : new("申请转入", "Asked for");

    /// <summary>The inbox's status filters: the API's (requested, accepted, declined, late) and all.</summary>
    public static Text TransferFilter(string filter) => filter switch
    {
        "requested" => new("待处理", "Waiting"),
        "accepted" => new("已接收", "Accepted"),
        "declined" => new("已拒绝", "Declined"),
        "late" => new("逾期", "Late"),
        _ => Texts.Any,
    };

    /// <summary>What a possible duplicate shares with the woman being booked (the booking's 409 <c>match</c>).</summary>
    public static Text DuplicateMatch(string? match) => match switch
    {
        "nameAndBirthDate" => new("姓名、出生日期相同", "Same name and birth date"),
        "mobileAndName" => new("手机号、姓名相同", "Same mobile and name"),
        _ => Text.Same(match ?? string.Empty),
    };
}
