using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Marks as required, in a request's schema, each field its validator refuses when it is missing (<c>NotNull</c> or
/// <c>NotEmpty</c> with no condition), so that a generated client knows them. The validator stays the one home of the rule;
/// a field required only in some cases (<c>lmp</c> when there is no <c>edd</c>) is left optional here and said in its 400.
/// </summary>
public static class OpenApiRequiredFields
{
    public static async Task MarkAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Properties.Count == 0)
        {
            return;
        }

        await using var scope = context.ApplicationServices.CreateAsyncScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.JsonTypeInfo.Type)) is not IValidator validator)
        {
            return;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            // Rules are named as the API names fields (ValidatorOptions.PropertyNameResolver: camelCase, as in the JSON).
            if (descriptor.GetRulesForMember(property.Name).Any(RefusesMissing))
            {
                schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                schema.Required.Add(property.Name);
            }
        }
    }

    // A RuleForEach rule checks the elements, not the field.
    private static bool RefusesMissing(IValidationRule rule) =>
        !rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>))
        && rule.Components.Any(c => c.Validator is INotNullValidator or INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition);
}
