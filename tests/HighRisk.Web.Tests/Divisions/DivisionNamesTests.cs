using HighRisk.Features.Divisions;
using HighRisk.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Divisions;

/// <summary>The names held in memory: what the database says, and a division added after the first look-up is named too.</summary>
public class DivisionNamesTests : ServiceFixture
{
    [Test]
    public async Task Names_AreTheDatabases_AndADivisionAddedLaterIsNamedAtItsFirstUse_UnknownCodesLeftOut()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var names = Services.GetRequiredService<DivisionNames>();

        var first = await names.OfAsync(db, ["430302101", "430302", "430302101", "999999999"], CancellationToken.None);
        await ScalarAsync<int>(
            "INSERT INTO divisions (code, name, level, parent_code, synthetic, edition) VALUES ('430302199', '测试新镇', 'Township', '430302', true, 1) RETURNING 1");
        var later = await names.OfAsync(db, ["430302101", "430302199"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EquivalentTo(new Dictionary<string, string> { ["430302101"] = "楠竹山镇", ["430302"] = "雨湖区" }));
            Assert.That(later, Is.EquivalentTo(new Dictionary<string, string> { ["430302101"] = "楠竹山镇", ["430302199"] = "测试新镇" }));
        });
    }
}
