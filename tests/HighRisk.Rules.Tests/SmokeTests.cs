namespace HighRisk.Rules.Tests; public class SmokeTests { [Test] public void Green_IsLowest() => Assert.That(RiskColour.Green, Is.LessThan(RiskColour.Red)); }
