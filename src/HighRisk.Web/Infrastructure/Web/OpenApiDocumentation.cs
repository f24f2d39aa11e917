using System.Globalization;
using HighRisk.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HighRisk.Infrastructure.Web;

/// <summary>The OpenAPI document at /openapi/v1.json: every endpoint, and the measurement vocabulary with units and ranges.</summary>
public static class OpenApiDocumentation
{
    private const string BearerScheme = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        // Use cases nest their Command, Query and Response in a static class (BookPregnancy.Command): name the schemas
        // with the use case (BookPregnancyCommand), or every request body would share the first "Command" schema.
        options.CreateSchemaReferenceId = type =>
            OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } useCase ? useCase.Name + id : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "HighRisk API",
                Version = "v1",
                Description = "High-risk pregnancy tracking under China's five-colour maternal risk specification (2017). " +
                    "Errors are RFC 9457 problem details; a 400 names each invalid field under `errors`. " +
                    "Every POST accepts an `Idempotency-Key` header: a retry with the same key and body replays the first response.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The `accessToken` of `POST /api/auth/login` (or `/api/auth/refresh`).",
            };
            return Task.CompletedTask;
        });

        // What every operation shares, said on each so that a generated client knows it: the bearer token and its 401
        // (all but the few anonymous endpoints), and on a POST the Idempotency-Key header and its 422.
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Responses ??= [];
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token (problem details)." });
            }

            if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
                && !context.Description.RelativePath!.StartsWith("api/auth", StringComparison.Ordinal))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.Header,
                    In = ParameterLocation.Header,
                    Description = "Any string of at most 100 characters, one per user action: a retry with the same key and body " +
                        "replays the first response and writes nothing again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                });
                operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was used with another request (problem details)." });
            }

            return Task.CompletedTask;
        });

        options.AddSchemaTransformer((schema, context, _) => OpenApiRequiredFields.MarkAsync(schema, context));

        // measurements is an open object on the wire; document each known observation with its unit and plausible range.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo?.Name == "measurements" && context.JsonTypeInfo.Type == typeof(Dictionary<string, System.Text.Json.JsonElement>))
            {
                schema.Type = JsonSchemaType.Object;
                schema.Description = "Measurements by observation name, in the units below; values outside the plausible range are rejected (400).";
                schema.Properties = new Dictionary<string, IOpenApiSchema>();
                foreach (var info in Observations.All.Where(o => o.Source == ObservationSource.Measured))
                {
                    schema.Properties[info.ApiName] = Describe(info);
                }

                schema.AdditionalPropertiesAllowed = false;
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiSchema Describe(ObservationInfo info)
    {
        if (info.Observation == Observation.UrineProtein)
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"{info.NameEn} ({info.NameZh}): one of {string.Join(", ", UrineProteinGrade.Texts)}",
            };
        }

        return new OpenApiSchema
        {
            Type = info.WholeNumber ? JsonSchemaType.Integer : JsonSchemaType.Number,
            Description = string.Create(CultureInfo.InvariantCulture, $"{info.NameEn} ({info.NameZh}), {info.Unit}, plausible range {info.Min}–{info.Max}"),
            Minimum = info.Min.ToString(CultureInfo.InvariantCulture),
            Maximum = info.Max.ToString(CultureInfo.InvariantCulture),
        };
    }
}
