using HighRisk.Features.Divisions;
using HighRisk.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Divisions;

/// <summary>The names held in memory: what the database says, and a division or facility added after the first look-up is named too.</summary>
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

    [Test]
    public async Task FacilityNames_AreTheDatabases_AndAFacilityAddedLaterIsNamedAndKnownAtItsFirstUse_DivisionCodesLeftOut()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var names = Services.GetRequiredService<FacilityNames>();

        var first = await names.OfAsync(db, ["430302-MCH", null, "430302", "430302-MCH"], CancellationToken.None);
        await ScalarAsync<int>("""
            INSERT INTO facilities (code, name, kind, division_code, midwifery, critical_care_centre, level, synthetic)
            VALUES ('430302-T99', '测试新卫生院', 'TownshipHealthCentre', '430302', false, false, 1, true) RETURNING 1
            """);
        var later = await names.OfAsync(db, ["430302-MCH", "430302-T99"], CancellationToken.None);
        var known = Services.GetRequiredService<KnownFacilities>();
        var exist = (await known.ExistsAsync(db, "430302-T99", CancellationToken.None), await known.ExistsAsync(db, "430302", CancellationToken.None),
            await known.ExistsAsync(db, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EquivalentTo(new Dictionary<string, string> { ["430302-MCH"] = "雨湖区妇幼保健计划生育服务中心" }));
            Assert.That(later, Is.EquivalentTo(new Dictionary<string, string> { ["430302-MCH"] = "雨湖区妇幼保健计划生育服务中心", ["430302-T99"] = "测试新卫生院" }));
            Assert.That(exist, Is.EqualTo((true, false, false)), "the validators' check asks the same names: a facility added later exists, a division code does not");
        });
    }
}
