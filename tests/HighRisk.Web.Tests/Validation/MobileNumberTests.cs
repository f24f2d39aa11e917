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
    [TestCase("")]
    public void OtherNumber_IsRefused(string input)
    {
        Assert.That(MobileNumber.Normalize(input), Is.Null);
    }

    [TestCase("14012345678", true)]
    [TestCase("+86 141 1234 5678", true)]
    [TestCase("14412345678", true)]
    [TestCase("14612345678", true)]
    [TestCase("14812345678", true)]
    [TestCase("14512345678", false)]
    [TestCase("14712345678", false)]
    [TestCase("13800138000", false)]
    [TestCase("12345", false)]
    public void DataOnlySegments_AreKnown(string input, bool dataOnly)
    {
        Assert.That(MobileNumber.IsDataOnly(input), Is.EqualTo(dataOnly));
    }
}
