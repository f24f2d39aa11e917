using HighRisk.Web.Tests.Consultations;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Consultation (会诊) in the browser on a 360 px phone: the health worker asks from the woman's record (a form sent
/// empty is refused beside its fields); the city expert finds it in her pool's queue, takes it and answers, raising
/// her to orange; her record shows the answer and the new colour. No page scrolls sideways.
/// </summary>
public sealed class ConsultationPagesTests : BrowserTest
{
    private const string Question = "孕24周，血压150/95 mmHg，是否需要提前住院观察？";
    private const string Answer = "建议收住县妇幼保健院，监测血压和尿蛋白，必要时转市妇幼保健院。";

    [Test]
    public async Task OnAPhone_AskTakeAndAnswer_TheAnswerAndTheRaiseShowOnHerRecord()
    {
        var steps = new ConsultationSteps(this);
        await steps.PoolAsync("湘潭市产科会诊专家组", "obstetrics", "4303", "city");
        var id = await steps.WomanAsync(Bookings.Village, "会诊浏览器");

        // The health worker asks, from her record.
        var worker = await SignInAsync(Screen.Phone, "t-worker");
        await worker.GotoAsync($"/pregnancies/{id}", Loaded);
        await worker.GetByRole(AriaRole.Link, new() { Name = "申请会诊" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "申请会诊", Level = 1 })).ToBeVisibleAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "提交会诊申请" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#f-specialty-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(worker.Locator("#f-question-error")).ToHaveTextAsync("必填。");
        await AssertNoSidewaysScrollAsync(worker, Screen.Phone);
        await worker.GetByLabel("专科").SelectOptionAsync("obstetrics");
        await worker.GetByLabel("会诊问题").FillAsync(Question);
        await ShotAsync(worker, "ask");
        await worker.GetByRole(AriaRole.Button, new() { Name = "提交会诊申请" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Status)).ToHaveTextAsync("会诊申请已提交。");
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "会诊浏览器的会诊", Level = 1 })).ToBeVisibleAsync();
        var question = worker.Locator("section[aria-labelledby=question-heading]");
        await Assertions.Expect(question).ToContainTextAsync(Question);
        await Assertions.Expect(question).ToContainTextAsync("待接诊");
        await Assertions.Expect(worker.GetByRole(AriaRole.Button, new() { Name = "接诊" })).ToHaveCountAsync(0);
        await ShotAsync(worker, "asked");
        await AssertNoSidewaysScrollAsync(worker, Screen.Phone);

        // The city expert finds it in her pool's queue and takes it.
        var expert = await SignInAsync(Screen.Phone, "t-city");
        await expert.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "会诊" }).ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Heading, new() { Name = "会诊", Level = 1 })).ToBeVisibleAsync();
        await expert.GetByLabel("与我的关系").SelectOptionAsync("pools");
        await expert.GetByLabel("状态").SelectOptionAsync("open");
        await expert.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        var names = expert.Locator("table.consultations tbody td.title a");
        await Assertions.Expect(names).ToHaveTextAsync(["会诊浏览器"]);
        await ShotAsync(expert, "queue");
        await AssertNoSidewaysScrollAsync(expert, Screen.Phone);
        await names.ClickAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "接诊" }).ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Status)).ToHaveTextAsync("已接诊，请尽快答复。");

        // An empty answer is refused beside the field; then the answer, raising her to orange.
        await expert.GetByRole(AriaRole.Button, new() { Name = "提交会诊意见" }).ClickAsync();
        await Assertions.Expect(expert.Locator("#f-answer-error")).ToHaveTextAsync("必填。");
        await expert.GetByRole(AriaRole.Textbox, new() { Name = "会诊意见" }).FillAsync(Answer);
        await expert.GetByLabel("上调为").SelectOptionAsync("orange");
        await expert.GetByLabel("上调原因").FillAsync("妊娠期高血压，需密切监测");
        await ShotAsync(expert, "answer-form");
        await AssertNoSidewaysScrollAsync(expert, Screen.Phone);
        await expert.GetByRole(AriaRole.Button, new() { Name = "提交会诊意见" }).ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Status)).ToHaveTextAsync("会诊意见已提交。");
        var answered = expert.Locator("section[aria-labelledby=answer-heading]");
        await Assertions.Expect(answered).ToContainTextAsync(Answer);
        await Assertions.Expect(answered.Locator(".badge")).ToHaveTextAsync("橙色 较高风险");
        await ShotAsync(expert, "answered");
        await AssertNoSidewaysScrollAsync(expert, Screen.Phone);

        // Her record, as the health worker sees it: the answer, and the colour the expert raised her to.
        await worker.GetByRole(AriaRole.Link, new() { Name = "孕产妇档案" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "会诊浏览器", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator(".case-head .badge")).ToHaveTextAsync("橙色 较高风险");
        var onRecord = worker.Locator("section[aria-labelledby=consultations-heading]");
        await Assertions.Expect(onRecord).ToContainTextAsync(Answer);
        await Assertions.Expect(onRecord).ToContainTextAsync("已答复");
        await ShotAsync(worker, "record");
        await AssertNoSidewaysScrollAsync(worker, Screen.Phone);
    }
}
