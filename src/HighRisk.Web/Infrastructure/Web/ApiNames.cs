using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace HighRisk.Infrastructure.Web;

/// <summary>Validation failures name fields the way the JSON spells them: "history.parity", not "History.Parity".</summary>
public static class ApiNames
{
    public static string? PropertyName(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (expression?.Body is MemberExpression chain)
        {
            var parts = new Stack<string>();
            for (Expression? e = chain; e is MemberExpression m; e = m.Expression)
            {
                parts.Push(JsonNamingPolicy.CamelCase.ConvertName(m.Member.Name));
            }

            return string.Join('.', parts);
        }

        return member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
