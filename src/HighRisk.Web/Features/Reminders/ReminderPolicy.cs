using System.Text.Json;
using System.Text.RegularExpressions;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;

namespace HighRisk.Features.Reminders;

/// <summary>
/// Reminders to the woman herself as data (seeds/policy/reminders.json): on which mornings before her next due date, and
/// whether on the first overdue morning; for which kinds of due date; the day's send window (Asia/Shanghai); how many per
/// pregnancy; the texts, which name the facility and the date only (checked when read: a shared phone must not reveal her
/// risk). The due date itself, and when she counts as overdue, belong to the follow-up schedule.
/// </summary>
public sealed partial record ReminderPolicy
{
    /// <summary>Words a reminder's text must never hold: a colour, "high risk", a diagnosis's giveaway.</summary>
    private static readonly string[] Revealing = ["红", "橙", "黄", "绿", "紫", "高危", "风险", "预警", "妊娠期", "疾病", "诊断"];

    private static readonly string[] Placeholders = ["{sign}", "{facility}", "{date}"];

    public required string Id { get; init; }

    public required string Version { get; init; }

    /// <summary>Days before the due date on whose morning a reminder goes (3 and 1: the 16th and the 18th for a visit due the 19th).</summary>
    public IReadOnlyList<int> DaysBeforeDue { get; init; } = [];

    /// <summary>A reminder on the morning she first counts as overdue (the schedule's first overdue day).</summary>
    public bool OnFirstOverdueMorning { get; init; }

    /// <summary>The kinds of due date reminded of (the API's names: antenatal, postpartumVisit, postpartumCheck42).</summary>
    public IReadOnlyList<string> DueKinds { get; init; } = [];

    /// <summary>The send window's start, HH:mm Asia/Shanghai.</summary>
    public string SendFrom { get; init; } = "08:00";

    /// <summary>The send window's end, HH:mm Asia/Shanghai.</summary>
    public string SendUntil { get; init; } = "20:00";

    /// <summary>At most this many reminders are ever queued for one pregnancy.</summary>
    public int MaxPerPregnancy { get; init; } = 30;

    /// <summary>A text longer than this (one SMS segment) has the facility's name shortened.</summary>
    public int MaxLength { get; init; } = 70;

    /// <summary>The signature on her phone: neutral, never the staff messages' one.</summary>
    public required string SignName { get; init; }

    public required SmsTemplate BeforeDue { get; init; }

    public required SmsTemplate Overdue { get; init; }

    /// <summary>Replies that withdraw her consent (compared without spaces or punctuation, any case).</summary>
    public IReadOnlyList<string> OptOutReplies { get; init; } = [];

    public sealed record SmsTemplate(string TemplateCode, string Text);

    public bool Reminds(DueKind? kind) => kind is { } k && DueKinds.Contains(JsonNamingPolicy.CamelCase.ConvertName(k.ToString()));

    /// <summary>The first moment of the send window on a business day.</summary>
    public DateTimeOffset WindowOpens(DateOnly day) => At(day, Time(SendFrom)!.Value);

    /// <summary>The end of the send window on a business day: a reminder not handed over by then is never sent (its time to live).</summary>
    public DateTimeOffset WindowCloses(DateOnly day) => At(day, Time(SendUntil)!.Value);

    /// <summary>The text of a reminder, its provider template, and the template's parameters.</summary>
    public (string Text, string TemplateCode, Dictionary<string, string> Values) Fill(ReminderMoment moment, string facility, DateOnly due)
    {
        var template = moment == ReminderMoment.FirstOverdueMorning ? Overdue : BeforeDue;
        var values = new Dictionary<string, string> { ["sign"] = SignName, ["facility"] = facility, ["date"] = $"{due.Month}月{due.Day}日" };
        var text = Alerts.SmsTemplates.Fill(template.Text, values);
        if (text.Length > MaxLength)
        {
            values["facility"] = facility[..Math.Max(2, facility.Length - (text.Length - MaxLength))];
            text = Alerts.SmsTemplates.Fill(template.Text, values);
        }

        return (text, template.TemplateCode, values);
    }

    /// <summary>Whether an SMS reply withdraws her consent (TD, 退订).</summary>
    public bool IsOptOut(string? reply) =>
        reply is not null && OptOutReplies.Any(o => string.Equals(Normalized(o), Normalized(reply), StringComparison.OrdinalIgnoreCase));

    private static string Normalized(string text) => NotWordLike().Replace(text, string.Empty);

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time : null;

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, BusinessClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Reminders:PolicyFile, or seeds/policy/reminders.json.</summary>
    public static ReminderPolicy Load(IConfiguration configuration)
    {
        var file = configuration["Reminders:PolicyFile"] ?? Path.Combine(Startup.SeedsFolder(configuration), "policy", "reminders.json");
        return Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    /// <summary>Reads and checks the policy; a broken file stops the service naming what is wrong.</summary>
    public static ReminderPolicy Parse(string json, string source)
    {
        var policy = JsonSerializer.Deserialize<ReminderPolicy>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true })
            ?? throw new InvalidOperationException($"{source}: empty reminder policy");
        if (policy.DaysBeforeDue.Any(d => d < 1 || d > 28))
        {
            throw new InvalidOperationException($"{source}: daysBeforeDue are whole days from 1 to 28");
        }

        var kinds = Enum.GetNames<DueKind>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        if (policy.DueKinds.FirstOrDefault(k => !kinds.Contains(k)) is { } unknown)
        {
            throw new InvalidOperationException($"{source}: dueKinds: '{unknown}' is not one of {string.Join(", ", kinds)}");
        }

        if (Time(policy.SendFrom) is not { } from || Time(policy.SendUntil) is not { } until)
        {
            throw new InvalidOperationException($"{source}: sendFrom and sendUntil are times of day, HH:mm");
        }

        if (from >= until || policy.MaxPerPregnancy < 1 || policy.MaxLength < 20)
        {
            throw new InvalidOperationException($"{source}: sendFrom must come before sendUntil; maxPerPregnancy at least 1; maxLength at least 20");
        }

        foreach (var (name, text) in new[] { ("beforeDue", policy.BeforeDue.Text), ("overdue", policy.Overdue.Text), ("signName", policy.SignName) })
        {
            if (Revealing.FirstOrDefault(text.Contains) is { } word)
            {
                throw new InvalidOperationException($"{source}: {name} holds '{word}': a reminder names the facility and the date only, never her colour or risk");
            }

            if (Braced().Matches(text).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p)) is { } placeholder)
            {
                throw new InvalidOperationException($"{source}: {name} uses {placeholder}: only {string.Join(", ", Placeholders)} are filled in");
            }
        }

        return policy;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braced();

    [GeneratedRegex(@"[\s\p{P}]")]
    private static partial Regex NotWordLike();
}
