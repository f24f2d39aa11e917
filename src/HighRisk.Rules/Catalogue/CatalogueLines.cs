using System.Text.Json;

namespace HighRisk.Rules;

/// <summary>
/// Where each entry of a catalogue file starts, so that a semantic error (duplicate id, unknown observation) can name
/// the line a reviewer must fix. JsonDocument keeps no positions, so one reader pass records them first.
/// </summary>
internal sealed class CatalogueLines
{
    private readonly int[] lineStarts;

    private CatalogueLines(int[] lineStarts) => this.lineStarts = lineStarts;

    public Dictionary<string, int> TopLevel { get; } = new(StringComparer.Ordinal);

    /// <summary>Line of each element of a top-level array ("factors", "qualifiers"), in document order.</summary>
    public Dictionary<string, List<int>> ArrayElements { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the positions; throws <see cref="JsonException"/> (with its line) for malformed JSON.</summary>
    public static CatalogueLines Scan(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        var lines = new CatalogueLines([.. starts]);
        var reader = new Utf8JsonReader(utf8);
        string? currentArray = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    var name = reader.GetString() ?? string.Empty;
                    lines.TopLevel.TryAdd(name, lines.LineAt(reader.TokenStartIndex));
                    currentArray = name;
                    break;
                case JsonTokenType.StartArray when reader.CurrentDepth == 1 && currentArray is not null:
                    lines.ArrayElements[currentArray] = [];
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.String or JsonTokenType.Number
                    or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                    when reader.CurrentDepth == 2 && currentArray is not null && lines.ArrayElements.TryGetValue(currentArray, out var elements):
                    elements.Add(lines.LineAt(reader.TokenStartIndex));
                    break;
                default:
                    break;
            }
        }

        return lines;
    }

    /// <summary>1-based line holding the byte at <paramref name="offset"/>.</summary>
    public int LineAt(long offset)
    {
        var index = Array.BinarySearch(lineStarts, (int)offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public int ElementLine(string array, int index) =>
        ArrayElements.TryGetValue(array, out var elements) && index < elements.Count ? elements[index] : TopLine(array);

    public int TopLine(string property) => TopLevel.TryGetValue(property, out var line) ? line : 1;
}
