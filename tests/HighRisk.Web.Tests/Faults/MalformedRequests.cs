using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Faults;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body schema.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In, JsonNode? Schema)> Parameters, JsonNode? BodySchema)
{
    public bool HasPathParameters => Parameters.Any(p => p.In == "path");

    public bool HasQueryParameters => Parameters.Any(p => p.In == "query");

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A malformed request, and what is wrong with it.</summary>
public sealed record Malformed(Operation Operation, string Fault, HttpRequestMessage Request);

/// <summary>
/// Makes malformed requests for the operations of the service's own OpenAPI document, every choice from one seeded
/// <see cref="Random"/>. A body starts as a well-shaped sample of its schema (known ids in id fields, the first value of
/// an enum, today's date) and then gets exactly one fault, so that the fault, not a missing field, is what the service
/// must refuse, and validators deep inside the command are reached. A request that is not a GET always carries a fault
/// of its body or of its path ids (a fault of a header or of the query alone could leave a valid write).
/// </summary>
public sealed class MalformedRequests(JsonNode document, Random random, Func<Operation, string, string> knownValue)
{
    private static readonly string[] ControlStrings =
        ["\u0001\u0002\u0003", "名字\u0007", "\u001b[31m红\u001b[0m", "a\u0000b", "\u007f", "x\u0085y", "\u009b2J", "\u0008\u000b\u000c"];
    private static readonly string[] BadAccepts = ["application/xml", "text/html", "text/plain", "image/png", "application/json;q=0", "*/*;q=abc", "garbage"];
    private static readonly string[] BadContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "text/json-ish"];
    private static readonly string[] BadQueryValues =
        ["abc", "-1", "0", "99999999999999999999", "1e400", "2026-13-45", "0001-01-01", "9999-12-31", "%00", "%01%02", "' OR 1=1 --", "true;false", "null", "[]", "{}"];
    private static readonly string[] BadPathIds = ["not-a-guid", "1", "00000000-0000-0000-0000-00000000000g", "%20", "..", "%01", "null", "{id}"];
    private static readonly string[] BodyFaults =
        ["malformed JSON", "wrong type", "huge string", "control characters", "bad enum", "empty body", "oversized body", "wrong content type"];

    /// <summary>The operations of the document (every method of every path).</summary>
    public static List<Operation> Operations(JsonNode document)
    {
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new Operation(method.ToUpperInvariant(), path, parameters, body));
            }
        }

        return operations;
    }

    public Malformed Next(Operation operation)
    {
        var faults = new List<string>();
        if (operation.BodySchema is not null)
        {
            faults.AddRange(BodyFaults.Where(f => f != "bad enum" || EnumLeaves(operation) > 0));
        }

        if (operation.HasPathParameters)
        {
            faults.AddRange(["bad path id", "unknown id"]);
        }

        if (operation.Method == "GET" && operation.HasQueryParameters)
        {
            faults.AddRange(["bad query value", "bad query value", "huge query value"]);
        }

        faults.AddRange(["bad Idempotency-Key", "bad Accept"]);
        var fault = faults[random.Next(faults.Count)];

        // A header fault alone could leave a valid write: a request other than a GET gets a fault of its body or ids too.
        var invalidating = fault is "bad Idempotency-Key" or "bad Accept" && operation.Method != "GET"
            ? operation.BodySchema is not null ? BodyFaults[random.Next(4)] : "unknown id"
            : null;
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), (string?)null);
        var path = Path(operation, fault is "bad path id" or "unknown id" ? fault : invalidating is "unknown id" ? invalidating : null);
        var query = Query(operation, fault);
        request.RequestUri = new Uri(path + query, UriKind.Relative);
        if (operation.BodySchema is not null)
        {
            request.Content = Body(operation, BodyFaults.Contains(fault) ? fault : invalidating is not null && invalidating != "unknown id" ? invalidating : null);
        }

        if (fault == "bad Idempotency-Key")
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Pick(["k" + new string('x', 100 + random.Next(400)), " ", "two words", "!@#$%^&*()", new string('0', 101), "a,b;c=d"]));
        }

        if (fault == "bad Accept")
        {
            request.Headers.TryAddWithoutValidation("Accept", Pick(BadAccepts));
        }
        else if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Pick(BadAccepts));   // every error answer is problem+json whatever is accepted
        }

        return new Malformed(operation, invalidating is null ? fault : $"{fault} + {invalidating}", request);
    }

    private string Path(Operation operation, string? fault)
    {
        var path = operation.Path;
        var pathParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        var spoiled = fault is null || pathParameters.Count == 0 ? -1 : random.Next(pathParameters.Count);
        for (var i = 0; i < pathParameters.Count; i++)
        {
            var (name, _, schema) = pathParameters[i];
            var isId = Resolve(schema)?["format"]?.GetValue<string>() == "uuid";
            var value = i != spoiled ? knownValue(operation, name)
                : fault == "unknown id" ? (random.Next(5) == 0 ? Guid.Empty : RandomGuid()).ToString()
                : isId ? Pick(BadPathIds) : Pick(["%01%02", new string('9', 600), "../../etc/passwd", "abc", "%E4%B8%AD"]);
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private string Query(Operation operation, string fault)
    {
        var query = operation.Parameters.Where(p => p.In == "query").ToList();
        if (query.Count == 0 || fault is not ("bad query value" or "huge query value"))
        {
            return string.Empty;
        }

        var (name, _, _) = query[random.Next(query.Count)];
        var value = fault == "huge query value" ? new string('q', 3000) : Pick(BadQueryValues);
        var text = value.StartsWith('%') ? value : Uri.EscapeDataString(value);
        return $"?{Uri.EscapeDataString(name)}={text}" + (random.Next(3) == 0 ? $"&{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Pick(BadQueryValues))}" : string.Empty);
    }

    private HttpContent Body(Operation operation, string? fault)
    {
        var leaves = new List<(JsonNode Parent, object Key, JsonNode? Schema)>();
        var body = Sample(operation.BodySchema, 0, leaves, null, null);
        var mediaType = "application/json";
        string text;
        switch (fault)
        {
            case "malformed JSON":
                var whole = body?.ToJsonString() ?? "{}";
                text = Pick(["{", "{\"a\":", "{'single':1}", "[1,2", "nul", "{\"x\":1,}", "{\"a\":1}{\"b\":2}", whole[..random.Next(1, whole.Length)], whole + "}}", "\u00ff\u00fe"]);
                break;
            case "empty body":
                text = Pick(["", "null", "[]", "\"\"", "0"]);
                break;
            case "oversized body":
                text = "{\"x\":\"" + new string('x', 300 * 1024) + "\"}";
                break;
            case "wrong content type":
                text = body?.ToJsonString() ?? "{}";
                mediaType = Pick(BadContentTypes);
                break;
            case null:
                text = body?.ToJsonString() ?? "{}";
                break;
            default:
                text = Spoil(body, leaves, fault);
                break;
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>One leaf of the sample body replaced by a value it cannot hold.</summary>
    private string Spoil(JsonNode? body, List<(JsonNode Parent, object Key, JsonNode? Schema)> leaves, string fault)
    {
        var candidates = fault == "bad enum" ? leaves.Where(l => Resolve(l.Schema)?["enum"] is not null).ToList() : leaves;
        if (body is null || candidates.Count == 0)
        {
            return fault == "huge string" ? "\"" + new string('x', 100_000) + "\"" : "{\"\u0001\":1}";
        }

        var (parent, key, _) = candidates[random.Next(candidates.Count)];
        var current = parent is JsonObject o ? o[(string)key] : parent.AsArray()[(int)key];
        var value = fault switch
        {
            "huge string" => (JsonNode)string.Concat(Enumerable.Repeat("测试一下", 8_500)),   // 34,000 characters, 102 KB of UTF-8
            "control characters" => Pick(ControlStrings),
            "bad enum" => "notAValue" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            _ => WrongType(current),
        };
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }

        return body.ToJsonString();
    }

    private JsonNode WrongType(JsonNode? current) => current?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => Pick<JsonNode>([12345, true, new JsonObject { ["a"] = 1 }, new JsonArray(1, 2)]),
        System.Text.Json.JsonValueKind.Number => Pick<JsonNode>(["abc", true, new JsonObject(), new JsonArray()]),
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Pick<JsonNode>(["yes", 7, new JsonObject()]),
        System.Text.Json.JsonValueKind.Object => Pick<JsonNode>(["x", 3, new JsonArray(1)]),
        System.Text.Json.JsonValueKind.Array => Pick<JsonNode>(["x", 3, new JsonObject { ["a"] = 1 }]),
        _ => new JsonArray("?"),
    };

    /// <summary>A well-shaped value for a schema; records every leaf (and every empty object or array) for spoiling.</summary>
    private JsonNode? Sample(JsonNode? schema, int depth, List<(JsonNode Parent, object Key, JsonNode? Schema)> leaves, JsonNode? parent, object? key)
    {
        schema = Resolve(schema);
        JsonNode? value;
        if (schema?["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            value = first.DeepClone();
        }
        else if (TypeOf(schema) == "object" || schema?["properties"] is not null)
        {
            var obj = new JsonObject();
            if (depth < 4)
            {
                foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
                {
                    obj[name] = Sample(property, depth + 1, leaves, obj, name);
                }
            }

            value = obj;
        }
        else if (TypeOf(schema) == "array")
        {
            var array = new JsonArray();
            if (depth < 4)
            {
                array.Add(null);
                array[0] = Sample(schema?["items"], depth + 1, leaves, array, 0);
            }

            value = array;
        }
        else
        {
            value = TypeOf(schema) switch
            {
                "integer" => 1,
                "number" => 1,
                "boolean" => true,
                _ => schema?["format"]?.GetValue<string>() switch
                {
                    "uuid" => knownValue(new Operation("GET", "/", [], null), "id"),
                    "date" => "2026-03-16",
                    "date-time" => "2026-03-16T02:00:00Z",
                    _ => "测试",
                },
            };
        }

        if (parent is not null && key is not null && (value is JsonValue || value is JsonObject { Count: 0 } || value is JsonArray { Count: 0 }))
        {
            leaves.Add((parent, key, schema));
        }

        return value;
    }

    private int EnumLeaves(Operation operation)
    {
        var leaves = new List<(JsonNode Parent, object Key, JsonNode? Schema)>();
        Sample(operation.BodySchema, 0, leaves, null, null);
        return leaves.Count(l => Resolve(l.Schema)?["enum"] is not null);
    }

    /// <summary>Follows $ref, and takes the first alternative of oneOf/anyOf that is not null.</summary>
    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
            }
            else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray alternatives)
            {
                schema = alternatives.FirstOrDefault(a => TypeOf(a) != "null") ?? alternatives.FirstOrDefault();
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    /// <summary>The schema's type, the first that is not "null" when it is a list (OpenAPI 3.1).</summary>
    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => null,
    };

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
