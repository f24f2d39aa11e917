using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Validation failures name fields the way the JSON spells them: "history.parity", not "History.Parity"; a member with
/// [JsonPropertyName] by that name ("report_time").
/// </summary>
public static class ApiNames
{
    public static string? PropertyName(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (expression?.Body is MemberExpression chain)
        {
            var parts = new Stack<string>();
            for (Expression? e = chain; e is MemberExpression m; e = m.Expression)
            {
                parts.Push(JsonName(m.Member));
            }

            return string.Join('.', parts);
        }

        return member is null ? null : JsonName(member);
    }

    private static string JsonName(MemberInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);
}
