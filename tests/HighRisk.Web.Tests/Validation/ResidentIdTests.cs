using HighRisk.Features.Pregnancies;

namespace HighRisk.Web.Tests.Validation;

public class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Worked checks from the domain reference (GB 11643-1999, ISO 7064 MOD 11-2).
    [TestCase("11010519491231002X")]
    [TestCase("11010519491231002x")]
    [TestCase("53010219200508011X")]
    [TestCase("370101190102039973")]
    [TestCase("430302199001010025")]
    public void KnownGoodNumber_IsAccepted(string id)
    {
        Assert.That(ResidentId.Problem(id, Today), Is.Null);
    }

    [TestCase("110105194912310021", "ResidentIdCheckCharacter")]
    [TestCase("11010519491231002Y", "ResidentIdLastCharacter")]
    [TestCase("11010519491231002", "ResidentIdLength")]
    [TestCase("1101051949123100211", "ResidentIdLength")]
    [TestCase("11010519491332002X", "ResidentIdBirthDate")]
    [TestCase("11010519490230002X", "ResidentIdBirthDate")]
    [TestCase("11010520990101002X", "ResidentIdBornInFuture")]
    [TestCase("A1010519491231002X", "ResidentIdDigits")]
    [TestCase("", "ResidentIdRequired")]
    public void BadNumber_IsRefusedWithItsReason(string id, string code)
    {
        Assert.That(ResidentId.Problem(id, Today)?.Code, Is.EqualTo(code));
    }

    [TestCase("19900101002", null)]
    [TestCase("19900101001", "ResidentIdMale")]
    [TestCase("20161124002", null, TestName = "TenToday_IsAccepted")]
    [TestCase("20161125002", "ResidentIdAge", TestName = "TenTomorrow_IsRefused")]
    [TestCase("19551124002", "ResidentIdAge", TestName = "SeventyOneToday_IsRefused")]
    [TestCase("19551125002", null, TestName = "SeventyOneTomorrow_IsAccepted")]
    public void APregnantWomansNumber_IsEvenInItsSequence_AndMakesHerTenToSeventy(string birthAndSequence, string? code)
    {
        var first17 = "430302" + birthAndSequence;
        var id = first17 + ResidentId.CheckCharacter(first17);
        Assert.Multiple(() =>
        {
            Assert.That(ResidentId.Problem(id, Today), Is.Null, "a valid number");
            Assert.That(ResidentId.ProblemForAPregnantWoman(id, Today)?.Code, Is.EqualTo(code));
        });
    }

    [Test]
    public void CheckCharacter_UsesWeightsFromTheLeft()
    {
        // The reversed-weights pitfall named in the reference gives 3 here; the correct check character is 9.
        Assert.That(ResidentId.CheckCharacter("11010519491234567"), Is.EqualTo('9'));
    }

    [Test]
    public void LowerCaseX_IsStoredUpperCase()
    {
        Assert.That(ResidentId.Normalize(" 11010519491231002x "), Is.EqualTo("11010519491231002X"));
    }
}
