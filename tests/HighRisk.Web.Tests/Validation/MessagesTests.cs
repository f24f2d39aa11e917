using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using FluentValidation.Validators;
using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using HighRisk.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Validation;

/// <summary>
/// Every failure message has a code, and every code has its texts: the API's English and the web app's Chinese and
/// English, found by code (never by wording) with the failure's own values.
/// </summary>
public class MessagesTests : ServiceFixture
{
    /// <summary>The values FluentValidation's built-in rules give their messages.</summary>
    private static readonly HashSet<string> BuiltInPlaceholders = ["PropertyName", "PropertyValue", "PropertyPath", "From", "To", "MaxLength", "MinLength", "TotalLength", "ComparisonValue"];

    /// <summary>
    /// Custom(...) rules: FluentValidation builds each as a predicate that always holds, and the failures it adds are
    /// made from an entry (Message.At: the resident ID, the measurements, each SMS receipt). Named here, so that a bare
    /// Must(...) without a message is still caught.
    /// </summary>
    private static readonly HashSet<string> CustomRules = ["Validator.residentId", "Validator.measurements", "Validator.reports"];

    private static IEnumerable<Message> All => Messages.All;

    [TestCaseSource(nameof(All))]
    public void Entry_HasChineseAndEnglish(Message message)
    {
        Assert.Multiple(() =>
        {
            Assert.That(message.Shown.Zh, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), "Chinese text");
            Assert.That(message.Shown.En, Is.Not.Empty.And.Not.Match(@"\p{IsCJKUnifiedIdeographs}"), "English text");
            Assert.That(message.Api is null, Is.EqualTo(message.Code.EndsWith("Validator", StringComparison.Ordinal)),
                "only FluentValidation's built-in rules (code ...Validator) keep FluentValidation's own API wording");
        });
    }

    [TestCaseSource(nameof(All))]
    public void Entry_FillsOnlyValuesItsFailureCarries(Message message)
    {
        var carried = message.Api is null ? BuiltInPlaceholders : Message.Placeholders(message.Api).Append("PropertyValue").ToHashSet();
        Assert.That(Message.Placeholders(message.Shown.Zh).Union(Message.Placeholders(message.Shown.En)), Is.SubsetOf(carried));
    }

    [Test]
    public void Codes_AreUniqueAndFound()
    {
        var fields = typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Message)).ToList();
        Assert.That(Messages.All, Has.Count.EqualTo(fields.Count), "two entries share a code");
        Assert.That(Messages.All.Select(m => Messages.Find(m.Code)), Is.EqualTo(Messages.All));
    }

    /// <summary>
    /// Every rule of every validator: a message of its own comes with a code of the table, and a built-in rule's own
    /// code is in the table too. (Failures built outside validators come from an entry by construction: Message.At.)
    /// </summary>
    [Test]
    public void EveryValidatorRule_HasACodeWithTexts()
    {
        using var scope = Services.CreateScope();
        var problems = new List<string>();
        var validators = AssemblyScanner.FindValidatorsInAssembly(typeof(Program).Assembly, includeInternalTypes: true).ToList();
        Assert.That(validators, Has.Count.GreaterThan(20));
        foreach (var found in validators)
        {
            Scan((IValidator)scope.ServiceProvider.GetRequiredService(found.ValidatorType), found.ValidatorType.FullName!, problems);
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void FailureRewordedInTheApi_ShowsItsTextsByCode()
    {
        var failure = new ValidationFailure("residentId", "Some other English wording") { ErrorCode = Messages.ResidentIdCheckCharacter.Code };
        Assert.That(Messages.For(failure), Is.EqualTo(new Text("身份证号码校验位不符，号码可能输错了，请核对。", "The check character does not match: the number is mistyped.")));
    }

    [Test]
    public void FailureWithoutAKnownCode_ShowsItsOwnWordsMarkedAsAnError()
    {
        var failure = new ValidationFailure("x", "Something unforeseen.") { ErrorCode = "NoSuchCode" };
        Assert.That(Messages.For(failure), Is.EqualTo(new Text("填写有误：Something unforeseen.", "Something unforeseen.")));
    }

    [Test]
    public void RejectedForm_ShowsEachFailureBesideItsFieldInChineseWithItsValues()
    {
        var form = new FormState();
        var lmp = new DateOnly(2026, 1, 2);
        var failures = new List<ValidationFailure> { Messages.ExamDateBeforeLmp.At("examDate", ("Lmp", lmp)) };
        failures.AddRange(MeasurementInput.Check(new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["hemoglobin"] = System.Text.Json.JsonSerializer.SerializeToElement(900),
            ["fetusCount"] = System.Text.Json.JsonSerializer.SerializeToElement(9),
        }));
        form.Add(new ValidationException(failures));

        Assert.Multiple(() =>
        {
            Assert.That(form.Errors("examDate").Select(t => t.Zh), Is.EqualTo(new[] { "检查日期早于末次月经（2026-01-02）。" }));
            Assert.That(form.Errors("measurements.hemoglobin").Select(t => t.Zh), Is.EqualTo(new[] { "应在 20–250 g/L 之间。" }));
            Assert.That(form.Errors("measurements.fetusCount").Select(t => t.Zh), Is.EqualTo(new[] { "应在 1–8 个之间，且为整数。" }));
            Assert.That(form.Errors("measurements.fetusCount").Select(t => t.En), Is.EqualTo(new[] { "Must be between 1 and 8 count (a whole number)." }));
        });
    }

    [Test]
    public async Task ValidatorFailures_ShowTheirChineseWithTheRulesValues()
    {
        using var scope = Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<IValidator<BookPregnancy.Command>>();
        var command = new BookPregnancy.Command
        {
            HeightCm = 20,
            Lmp = Clock.Today.AddDays(-400),
            History = new PregnancyHistory { Gravidity = 40 },
            Findings = ["no_such_factor"],
        };
        var form = new FormState();
        form.Add(new ValidationException((await validator.ValidateAsync(command)).Errors));

        Assert.Multiple(() =>
        {
            Assert.That(form.Errors("heightCm").Select(t => t.Zh), Is.EqualTo(new[] { "身高应在 100–230 厘米之间。" }));
            Assert.That(form.Errors("lmp").Select(t => t.Zh), Is.EqualTo(new[] { "末次月经距建档已超过 45 周，请核对。" }));
            Assert.That(form.Errors("history.gravidity").Select(t => t.Zh), Does.Contain("应在 1–30 之间。"));
            Assert.That(form.Errors("findings[0]").Select(t => t.Zh), Is.EqualTo(new[] { "“no_such_factor”不是风险评估表中的条目。" }));
            Assert.That(form.Errors("fullName").Select(t => t.Zh), Is.EqualTo(new[] { "必填。" }));
            Assert.That(form.Errors("residentId").Select(t => t.Zh), Is.EqualTo(new[] { "请填写身份证号码。" }));
        });
    }

    [Test]
    public void Conflict_ShowsItsChineseByCode()
    {
        var conflict = new ConflictException(Messages.ExamOnClosedPregnancy, ("Date", new DateOnly(2026, 2, 3)), ("Outcome", PregnancyOutcome.Miscarriage));
        Assert.Multiple(() =>
        {
            Assert.That(conflict.Message, Is.EqualTo("The pregnancy was closed on 2026-02-03 (Miscarriage); it takes no new exams."));
            Assert.That(Messages.For(conflict.Code, conflict.Values, conflict.Message).Zh, Is.EqualTo("该妊娠已于 2026-02-03 结案，不能再记录产检。"));
        });
    }

    /// <summary>A message other than the built-in rule's own (a message made from the instance counts as one).</summary>
    private static bool HasOwnWording(IRuleComponent component)
    {
        try
        {
            return component.GetUnformattedErrorMessage() != component.Validator.GetDefaultMessageTemplate(component.Validator.Name);
        }
        catch (NullReferenceException)
        {
            return true;
        }
    }

    private static void Scan(IValidator validator, string where, List<string> problems)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            foreach (var component in rule.Components)
            {
                var check = component.Validator;
                var field = $"{where}.{rule.PropertyName}: {check.Name}";
                if (check is IChildValidatorAdaptor)
                {
                    // SetValidator(...) and ChildRules(...): the child validator the adaptor holds.
                    var inner = check.GetType().GetField("_validator", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(check);
                    if (inner is IValidator child)
                    {
                        Scan(child, field, problems);
                    }
                    else
                    {
                        problems.Add($"{field}: a child validator the test cannot reach");
                    }

                    continue;
                }

                if (CustomRules.Contains($"{validator.GetType().Name}.{rule.PropertyName}") && check.Name == "PredicateValidator")
                {
                    continue;
                }

                var code = component.ErrorCode;
                if (code is null && HasOwnWording(component))
                {
                    problems.Add($"{field} has its own message but no code (use .WithError(Messages.…))");
                }
                else if (Messages.Find(code ?? check.Name) is null)
                {
                    problems.Add($"{field}: code {code ?? check.Name} has no entry in Messages");
                }
            }
        }
    }
}
