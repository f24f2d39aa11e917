using System.Globalization;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>Builds booking and exam bodies with the API's field names, dated by a fixture's clock; each booking is a new synthetic woman.</summary>
public sealed class Bookings(ServiceFixture service)
{
    public const string Township = "430302101";          // 雨湖区楠竹山镇
    public const string Village = "430302101201";        // a synthetic village under it
    public const string Facility = "430302101-THC";      // 楠竹山镇卫生院
    public const string CountyMch = "430302-MCH";

    /// <summary>The business date on the fixture's clock.</summary>
    public DateOnly Today => service.Clock.Today;

    /// <summary>A 28-year-old at <paramref name="weeks"/> weeks today, healthy, booked in a Yuhu village.</summary>
    public JsonObject AWoman(int weeks = 12, int ageYears = 28)
    {
        var today = service.Clock.Today;
        return new JsonObject
        {
            ["fullName"] = "测试孕妇",
            ["residentId"] = ResidentIds.Unique(today.AddYears(-ageYears).AddDays(-30)),
            ["mobile"] = "13800138000",
            ["lmp"] = today.AddDays(-7 * weeks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["divisionCode"] = Village,
            ["address"] = "楠竹山镇一村3组",
            ["facilityCode"] = Facility,
            ["healthWorker"] = "王医生",
            ["heightCm"] = 160,
            ["weightKg"] = 55,
            ["history"] = new JsonObject { ["gravidity"] = 1, ["parity"] = 0 },

            // The tests' women share a name and a mobile number: each is a distinct woman (DuplicateTests leave this out).
            ["confirmedNotDuplicate"] = true,
        };
    }

    public JsonObject AnExam(DateOnly? on = null, JsonObject? measurements = null) => new()
    {
        ["examDate"] = (on ?? service.Clock.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["facilityCode"] = Facility,
        ["examiner"] = "李医生",
        ["measurements"] = measurements ?? new JsonObject { ["systolicBp"] = 110, ["diastolicBp"] = 70, ["hemoglobin"] = 120 },
    };
}

/// <summary>Copies of a JSON body with one field changed or left out.</summary>
public static class JsonBodies
{
    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    public static JsonObject Without(this JsonObject body, string field)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }
}
