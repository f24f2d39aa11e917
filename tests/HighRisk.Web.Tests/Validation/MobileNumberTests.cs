using HighRisk.Features.Pregnancies;

namespace HighRisk.Web.Tests.Validation;

public class MobileNumberTests
{
    [TestCase("13800138000", "13800138000")]
    [TestCase("+8613800138000", "13800138000")]
    [TestCase("8613800138000", "13800138000")]
    [TestCase("+86 138-0013-8000", "13800138000")]
    [TestCase("19912345678", "19912345678")]
    [TestCase("19212345678", "19212345678")]
    [TestCase("14512345678", "14512345678")]
    [TestCase("14712345678", "14712345678")]
    public void MainlandNumber_IsNormalisedTo11Digits(string input, string expected)
    {
        Assert.That(MobileNumber.Normalize(input), Is.EqualTo(expected));
    }

    [TestCase("12800138000")]
    [TestCase("10800138000")]
    [TestCase("1380013800")]
    [TestCase("138001380001")]
    [TestCase("+8513800138000")]
    [TestCase("1380013800a")]
    [TestCase("02787654321")]
    [TestCase("14012345678")]
    [TestCase("14112345678")]
    [TestCase("14412345678")]
    [TestCase("14612345678")]
    [TestCase("14812345678")]
    [TestCase("")]
    public void OtherNumber_IsRefused(string input)
    {
        Assert.That(MobileNumber.Normalize(input), Is.Null);
    }
}
