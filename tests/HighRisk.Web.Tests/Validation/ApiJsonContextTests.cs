using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HighRisk.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HighRisk.Web.Tests.Validation;

/// <summary>
/// Every type an API endpoint reads from a JSON body or answers as JSON, as the running service's endpoint metadata
/// declares it (minimal APIs derive Accepts and Produces from each handler's signature; .Accepts/.Produces add the rest),
/// is served by the source-generated <see cref="ApiJsonContext"/> through the HTTP JSON options: no request of the API
/// builds serializer metadata by reflection.
/// </summary>
public class ApiJsonContextTests : ServiceFixture
{
    private JsonSerializerOptions Options => Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    [Test]
    public void EveryEndpointsBodyAndResponseType_IsServedByTheSourceGeneratedContext()
    {
        var types = ApiTypes();
        Assert.That(types.Count, Is.GreaterThan(80), "the endpoints' metadata names their bodies and responses");
        var missing = types.Where(t => !ServedByContext(t.Key)).Select(t => $"{t.Key} ({t.Value})").ToList();
        Assert.That(missing, Is.Empty, "add each to ApiJsonContext (src/HighRisk.Web/Infrastructure/ApiJsonContext.cs)");
    }

    [Test]
    public void ATypeOutsideTheContext_IsNotServed()
    {
        // The check above can fail: a type the context does not list is not served by it (and not by reflection).
        Assert.That(ServedByContext(typeof(NotAnApiType)), Is.False);
        Assert.That(ServedByContext(typeof(HighRisk.Features.Pregnancies.BookPregnancy.Response)), Is.True);
    }

    [Test]
    public void TheChainHoldsNoReflection_AndTheApisSettingsStillApply()
    {
        // ASP.NET Core puts its own contexts (the OpenAPI schema's, problem details') ahead of ours, for their own types.
        Assert.That(Options.TypeInfoResolverChain, Has.Member(ApiJsonContext.Default));
        Assert.That(Options.TypeInfoResolverChain.All(r => r is JsonSerializerContext), Is.True, "no reflection fallback");
        Assert.That(Options.UnmappedMemberHandling, Is.EqualTo(JsonUnmappedMemberHandling.Disallow));
        Assert.That(Options.NumberHandling, Is.EqualTo(JsonNumberHandling.Strict));
        Assert.That(
            () => JsonSerializer.Deserialize<HighRisk.Features.Risk.RaiseGrade.Command>("""{"grade":"red","reason":"x","bogus":1}""", Options),
            Throws.InstanceOf<JsonException>(), "unknown members are refused");
        Assert.That(
            () => JsonSerializer.Deserialize<HighRisk.Features.Risk.RaiseGrade.Command>("""{"grade":3,"reason":"x"}""", Options),
            Throws.InstanceOf<JsonException>(), "enums are names, not integers");
    }

    [Test]
    public async Task EveryListTheApiAnswers_IsWritten()
    {
        // End to end through the real pipeline: with no reflection fallback, a type written that the context lacks (a
        // value looked up by its run-time type rather than the declared one) would be a 500.
        var lists = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!)
            .ToList();
        Assert.That(lists, Has.Count.GreaterThan(15));
        foreach (var path in lists)
        {
            using var response = await Admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.That((int)response.StatusCode, Is.LessThan(500), path);
        }
    }

    [Test]
    public void AnAbsentMember_KeepsTheDefaultItHasUnderReflection()
    {
        // Source-generated metadata sets init-only properties through the constructor, so an initializer (`= 1`, `= []`)
        // is lost when the member is absent (dotnet/runtime#84484); reflection keeps it. Every object type the context
        // holds, read from "{}" both ways, must come out the same.
        var reflection = new JsonSerializerOptions(Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var objects = typeof(ApiJsonContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("HighRisk", StringComparison.Ordinal) == true && Options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object)
            .ToList();
        Assert.That(objects, Has.Count.GreaterThan(80));
        var different = objects.Where(t => Read(t, Options) != Read(t, reflection)).Select(t => $"{t}: {Read(t, Options)} ≠ {Read(t, reflection)}").ToList();
        Assert.That(different, Is.Empty);

        string Read(Type type, JsonSerializerOptions options)
        {
            try
            {
                return JsonSerializer.Serialize(JsonSerializer.Deserialize("{}", type, options), type, reflection);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                return $"refused ({e.GetType().Name})";
            }
        }
    }

    /// <summary>Each JSON type with the first endpoint that names it.</summary>
    private Dictionary<Type, string> ApiTypes()
    {
        var types = new Dictionary<Type, string>();
        var endpoints = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var name = $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText}";
            foreach (var accepts in endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            {
                if (accepts.RequestType is { } body && accepts.ContentTypes.Any(IsJson))
                {
                    types.TryAdd(body, name);
                }
            }

            foreach (var produces in endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
            {
                if (produces.Type is { } answer && answer != typeof(void) && produces.ContentTypes.Any(IsJson))
                {
                    types.TryAdd(answer, name);
                }
            }
        }

        return types;
    }

    private static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the context holds the type and the API's JSON options resolve it from source-generated metadata (ours,
    /// or for problem details the framework's own context, which comes first in the chain).
    /// </summary>
    private bool ServedByContext(Type type) =>
        ApiJsonContext.Default.GetTypeInfo(type) is not null
        && Options.TryGetTypeInfo(type, out var info)
        && info.OriginatingResolver is JsonSerializerContext;

    private sealed record NotAnApiType(string Name);
}
