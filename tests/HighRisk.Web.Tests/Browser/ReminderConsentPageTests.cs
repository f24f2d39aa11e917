using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>Her consent to SMS reminders, given and withdrawn from her record, and her reminders as it lists them.</summary>
public sealed class ReminderConsentPageTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task ConsentGivenThenWithdrawn_OnHerRecord_QueuesThenCancelsHerReminders(Screen screen)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 12).With("mobile", Reminders.Reminding.NewMobile()));
        var page = await SignInAsync(screen, "t-worker");
        await page.GotoAsync($"/pregnancies/{id}", Loaded);
        var section = page.Locator("section.reminders");
        await Assertions.Expect(section.Locator("[data-consent]")).ToHaveTextAsync("尚未记录是否同意短信提醒，不发送提醒。");

        // Nothing chosen: the form comes back with the error beside the question.
        await section.Locator("summary").ClickAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-given-error")).ToHaveTextAsync("必填。");

        await page.GetByLabel("同意", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("方式说明").FillAsync("建册时签署知情同意书");
        await AssertNoSidewaysScrollAsync(page, screen);
        await ShotAsync(page, "sms-consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("短信提醒同意已保存。");
        await Assertions.Expect(section.Locator("[data-consent=given]")).ToContainTextAsync("已同意接收短信提醒");
        await Assertions.Expect(section.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(section.Locator("li").First).ToContainTextAsync("待发送");
        await ShotAsync(page, "reminders");

        await section.Locator("summary").ClickAsync();
        await section.GetByLabel("不同意 / 撤回").CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(section.Locator("[data-consent=withdrawn]")).ToContainTextAsync("已拒绝或撤回短信提醒");
        await Assertions.Expect(section.Locator("li", new() { HasText = "已取消" })).ToHaveCountAsync(3);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages s JOIN reminders r ON r.sms_message_id = s.id WHERE r.pregnancy_id = $1 AND s.status = 'Queued'", id), Is.Zero);
    }
}
