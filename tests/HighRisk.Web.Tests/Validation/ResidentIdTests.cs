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

    [TestCase("110105194912310021", "check character")]
    [TestCase("11010519491231002Y", "digit or X")]
    [TestCase("11010519491231002", "18 characters")]
    [TestCase("1101051949123100211", "18 characters")]
    [TestCase("11010519491332002X", "real date of birth")]
    [TestCase("11010519490230002X", "real date of birth")]
    [TestCase("11010520990101002X", "future")]
    [TestCase("A1010519491231002X", "digits")]
    [TestCase("", "required")]
    public void BadNumber_IsRefusedWithItsReason(string id, string reason)
    {
        Assert.That(ResidentId.Problem(id, Today), Does.Contain(reason));
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
