using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Infrastructure.Data;

namespace HighRisk.Web.Tests.Divisions;

/// <summary>
/// The facility register as seeded from seeds/facilities/hunan.csv: each facility's level, and Xiangtan's network of
/// delivery hospitals and critical maternal care centres (危重孕产妇救治中心) that orange and red women are sent to.
/// </summary>
public class FacilityTests : ServiceFixture
{
    private const string Xiangtan = "4303";

    [Test]
    public async Task XiangtanFacilities_CarryLevelsAndACityLevel3CriticalCareCentreThatDelivers()
    {
        var facilities = await XiangtanFacilitiesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(facilities.Select(Level), Is.All.InRange(1, 3));
            Assert.That(facilities.Where(f => Code(f).EndsWith("-THC", StringComparison.Ordinal)).Select(Level), Is.All.EqualTo(1));
            Assert.That(
                facilities.Where(f => Division(f) == Xiangtan && Level(f) == 3 && CriticalCareCentre(f) && Midwifery(f)).Select(Code),
                Does.Contain("4303-MCH"),
                "湘潭市妇幼保健院: 三级, a critical maternal care centre, delivers");
        });
    }

    // The counties and the county-level cities have a centre of their own; the urban districts rely on the city's.
    [TestCase("430321", true)]   // 湘潭县
    [TestCase("430381", true)]   // 湘乡市
    [TestCase("430382", true)]   // 韶山市
    [TestCase("430302", false)]  // 雨湖区
    [TestCase("430304", false)]  // 岳塘区
    public async Task XiangtanCounty_HasACriticalCareCentreThatDeliversAtItsLevelOrAbove(string county, bool ofItsOwn)
    {
        var facilities = await XiangtanFacilitiesAsync();
        var centres = facilities
            .Where(f => CriticalCareCentre(f) && Midwifery(f) && Level(f) >= 2)
            .Where(f => Division(f) == county || (!ofItsOwn && Division(f) == Xiangtan))
            .Select(Code)
            .ToList();

        Assert.That(centres, Is.Not.Empty, $"a 二级 or higher critical care centre that delivers, serving {county}{(ofItsOwn ? string.Empty : " or the whole city")}");
    }

    [Test]
    public async Task SeededFacilityCsv_LoadsEveryRowWithItsLevel()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "seeds", "facilities", "hunan.csv");
        var rows = Csv.Parse(await File.ReadAllTextAsync(file));
        var loaded = new Dictionary<string, (int Level, bool Synthetic)>(StringComparer.Ordinal);
        await using (var command = Database.CreateCommand("SELECT code, level, synthetic FROM facilities"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                loaded[reader.GetString(0)] = (reader.GetInt32(1), reader.GetBoolean(2));
            }
        }

        Assert.That(rows, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r["level"]), Is.All.AnyOf("1", "2", "3"), "every row has a level 1..3");
            Assert.That(rows.Select(r => r["code"]), Is.Unique);
            Assert.That(loaded.Keys, Is.EquivalentTo(rows.Select(r => r["code"])), "every row is loaded, and nothing else");
            foreach (var row in rows)
            {
                var expected = (int.Parse(row["level"], System.Globalization.CultureInfo.InvariantCulture), bool.Parse(row["synthetic"]));
                Assert.That(loaded.GetValueOrDefault(row["code"]), Is.EqualTo(expected), row["code"]);
            }
        });
    }

    private async Task<List<JsonNode>> XiangtanFacilitiesAsync()
    {
        var (status, body) = await Api.GetAsync($"/api/facilities?division={Xiangtan}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var facilities = body!.AsArray().Select(f => f!).ToList();
        Assert.That(facilities, Has.Count.LessThan(500), "the list is not cut at its limit");
        return facilities;
    }

    private static string Code(JsonNode facility) => facility["code"]!.GetValue<string>();

    private static string Division(JsonNode facility) => facility["divisionCode"]!.GetValue<string>();

    private static int Level(JsonNode facility) => facility["level"]!.GetValue<int>();

    private static bool Midwifery(JsonNode facility) => facility["midwifery"]!.GetValue<bool>();

    private static bool CriticalCareCentre(JsonNode facility) => facility["criticalCareCentre"]!.GetValue<bool>();
}
