using System.Globalization;
using HighRisk.Infrastructure.Security;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Task = System.Threading.Tasks.Task;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>
/// Search: the records are chosen by who (patient, identifier, episode-of-care/context, encounter) — a search that names
/// none is refused as too costly — then the resources of the type are filtered (date, code, _id, _lastUpdated) and paged
/// (_count, _offset, with a <c>next</c> link). An unknown parameter is a 400 naming it, never silently ignored.
/// </summary>
public sealed class FhirSearch(FhirRegister register, PersonalData personalData)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 200;

    /// <summary>The search parameters each type takes (the CapabilityStatement lists these).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Parameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Patient"] = ["_id", "identifier", "_lastUpdated"],
        ["EpisodeOfCare"] = ["_id", "patient", "date", "_lastUpdated"],
        ["Encounter"] = ["_id", "patient", "episode-of-care", "date", "_lastUpdated"],
        ["Observation"] = ["_id", "patient", "episode-of-care", "context", "encounter", "code", "date", "_lastUpdated"],
        ["Condition"] = ["_id", "patient", "episode-of-care", "context", "encounter", "code", "recorded-date", "_lastUpdated"],
        ["RiskAssessment"] = ["_id", "patient", "episode-of-care", "encounter", "date", "_lastUpdated"],
        ["Flag"] = ["_id", "patient", "episode-of-care", "code", "date", "_lastUpdated"],
        ["CarePlan"] = ["_id", "patient", "episode-of-care", "status", "date", "_lastUpdated"],
        ["ServiceRequest"] = ["_id", "patient", "episode-of-care", "status", "priority", "authored", "_lastUpdated"],
        ["Task"] = ["_id", "patient", "episode-of-care", "status", "focus", "authored-on", "_lastUpdated"],
    };

    private static readonly string[] Paging = ["_count", "_offset", "_format"];

    public async Task<Bundle> SearchAsync(string type, IQueryCollection query, string selfPath, CancellationToken ct)
    {
        foreach (var name in query.Keys.Where(k => !Parameters[type].Contains(k) && !Paging.Contains(k)))
        {
            throw Refuse(IssueType.NotSupported, $"{type} is not searched by {name}; see /fhir/metadata.", name);
        }

        var records = new List<FhirRecord>();
        foreach (var record in await RecordsAsync(type, query, ct))
        {
            records.Add(await register.ForTypeAsync(type, record, ct));
        }

        var matches = records.SelectMany(r => FhirResources.Of(type, r)).Where(r => Matches(type, r, query)).DistinctBy(r => r.Id).ToList();
        var count = Number(query, "_count", DefaultCount, 0, MaxCount);
        var offset = Number(query, "_offset", 0, 0, int.MaxValue);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches.Count };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(selfPath, query, offset) });
        if (offset + count < matches.Count)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(selfPath, query, offset + count) });
        }

        foreach (var resource in matches.Skip(offset).Take(count))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{selfPath[..selfPath.LastIndexOf('/')]}/{type}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return bundle;
    }

    private async Task<List<FhirRecord>> RecordsAsync(string type, IQueryCollection query, CancellationToken ct)
    {
        var records = new List<FhirRecord>();
        if ((Single(query, "episode-of-care") ?? Single(query, "context") ?? (type == "EpisodeOfCare" ? Single(query, "_id") : null)) is { } episode)
        {
            if (Guid.TryParse(Strip(episode, "EpisodeOfCare/"), out var pregnancyId))
            {
                records.AddRange(await TryRecordAsync(pregnancyId, ct));
            }
        }
        else if ((Single(query, "patient") ?? (type == "Patient" ? Single(query, "_id") : null)) is { } patient)
        {
            if (Guid.TryParse(Strip(patient, "Patient/"), out var womanId))
            {
                records.AddRange(await register.WomanAsync(womanId, ct));
            }
        }
        else if (type == "Patient" && Single(query, "identifier") is { } identifier)
        {
            var value = identifier.StartsWith(FhirSystems.ResidentId + "|", StringComparison.Ordinal) ? identifier[(FhirSystems.ResidentId.Length + 1)..]
                : identifier.Contains('|', StringComparison.Ordinal) ? null : identifier;
            if (value is not null)
            {
                foreach (var womanId in await register.WomenWithResidentIdAsync(personalData.Hash(Pregnancies.ResidentId.Normalize(value)), ct))
                {
                    records.AddRange((await register.WomanAsync(womanId, ct)).Take(1));
                }
            }
        }
        else if (Single(query, "encounter") is { } encounter && Guid.TryParse(Strip(encounter, "Encounter/"), out var examId))
        {
            var resource = await TryReadAsync("Encounter", examId.ToString(), ct);
            if (resource is Encounter found && Guid.TryParse(found.EpisodeOfCare[0].Reference!["EpisodeOfCare/".Length..], out var pregnancyId))
            {
                records.AddRange(await TryRecordAsync(pregnancyId, ct));
            }
        }
        else
        {
            var who = Parameters[type].Where(p => p is "patient" or "episode-of-care" or "identifier" or "encounter");
            throw Refuse(IssueType.TooCostly, $"Name whose records: search {type} by {string.Join(", ", who)}.", type);
        }

        return records;
    }

    private async Task<List<FhirRecord>> TryRecordAsync(Guid pregnancyId, CancellationToken ct)
    {
        try
        {
            return [await register.RecordAsync(pregnancyId, ct)];
        }
        catch (Infrastructure.NotFoundException)
        {
            return []; // outside the area, or no such record: a search finds nothing
        }
    }

    private async Task<Resource?> TryReadAsync(string type, string id, CancellationToken ct)
    {
        try
        {
            return await register.ReadAsync(type, id, ct);
        }
        catch (Infrastructure.NotFoundException)
        {
            return null;
        }
    }

    private static bool Matches(string type, Resource resource, IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            var value = values.ToString();
            var holds = name switch
            {
                "_id" => resource.Id == value,
                "_lastUpdated" => resource.Meta?.LastUpdated is { } at && FhirDates.Holds(value, DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime), name),
                "date" or "recorded-date" or "authored" or "authored-on" => DateOf(resource) is { } day && FhirDates.Holds(value, day, name),
                "code" => CodesOf(resource).Any(c => value.Contains('|', StringComparison.Ordinal) ? value == $"{c.System}|{c.Code}" : value == c.Code),
                "encounter" => EncounterOf(resource) == Strip(value, "Encounter/"),
                "status" => StatusOf(resource) == value,
                "priority" => resource is ServiceRequest s && s.Priority?.GetLiteral() == value,
                "focus" => resource is Hl7.Fhir.Model.Task t && t.Focus?.Reference == $"ServiceRequest/{Strip(value, "ServiceRequest/")}",
                _ => true,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static DateOnly? DateOf(Resource resource)
    {
        var text = resource switch
        {
            EpisodeOfCare e => e.Period?.Start,
            Encounter e => e.Period?.Start,
            Hl7.Fhir.Model.Observation o => (o.Effective as FhirDateTime)?.Value,
            Condition c => c.RecordedDate,
            RiskAssessment r => (r.Occurrence as FhirDateTime)?.Value,
            Flag f => f.Period?.Start,
            CarePlan c => c.Period?.Start,
            ServiceRequest s => s.AuthoredOn,
            Hl7.Fhir.Model.Task t => t.AuthoredOn,
            _ => null,
        };
        return text is null ? null : FhirDates.Day(text);
    }

    private static string? StatusOf(Resource resource) => resource switch
    {
        CarePlan c => c.Status?.GetLiteral(),
        ServiceRequest s => s.Status?.GetLiteral(),
        Hl7.Fhir.Model.Task t => t.Status?.GetLiteral(),
        _ => null,
    };

    private static IEnumerable<Coding> CodesOf(Resource resource) => resource switch
    {
        Hl7.Fhir.Model.Observation o => o.Code!.Coding,
        Condition c => c.Code!.Coding,
        Flag f => f.Code!.Coding,
        _ => [],
    };

    private static string? EncounterOf(Resource resource) => (resource switch
    {
        Hl7.Fhir.Model.Observation o => o.Encounter,
        Condition c => c.Encounter,
        RiskAssessment r => r.Encounter,
        _ => null,
    })?.Reference?["Encounter/".Length..];

    private static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string Strip(string value, string prefix) => value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (Single(query, name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Refuse(IssueType.Value, $"{name} is a whole number from {min} to {max}.", name);
    }

    private static string Link(string selfPath, IQueryCollection query, int offset)
    {
        var pairs = query.Where(q => q.Key != "_offset").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append(string.Create(CultureInfo.InvariantCulture, $"_offset={offset}"));
        return $"{selfPath}?{string.Join("&", pairs)}";
    }

    internal static FhirProblem Refuse(IssueType type, string diagnostics, string parameter) =>
        new(StatusCodes.Status400BadRequest, [FhirIssues.Invalid(type, diagnostics, parameter)]);
}
