namespace HighRisk.Infrastructure.Data;

/// <summary>Reads the seed files: UTF-8, a header row, comma-separated, fields in double quotes when they hold commas.</summary>
public static class Csv
{
    public static IReadOnlyList<Dictionary<string, string>> Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0].TrimStart('\uFEFF'));
        var rows = new List<Dictionary<string, string>>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var fields = Fields(line);
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
