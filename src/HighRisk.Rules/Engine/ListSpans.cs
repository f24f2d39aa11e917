using System.Runtime.InteropServices;

namespace HighRisk.Rules;

/// <summary>
/// Reads the facts' lists as spans: arrays and List&lt;T&gt; (what a host passes) directly, without an interface call
/// per element; any other list is copied once.
/// </summary>
internal static class ListSpans
{
    public static ReadOnlySpan<T> Of<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => CollectionsMarshal.AsSpan(items),
        _ => Copy(list),
    };

    private static T[] Copy<T>(IReadOnlyList<T> list)
    {
        var copy = new T[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = list[i];
        }

        return copy;
    }
}
