using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HighRisk.Localization;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Refuses, before anything binds them, values that no field of the API may hold, with a 400 naming the field: a NUL
/// character (PostgreSQL text cannot store one), any other control character but tab and line breaks (C0, DEL, C1: they
/// corrupt names on lists, SMS and exports), a text longer than <see cref="MaxTextLength"/> (every field's own limit is
/// lower; this one bounds the fields nobody has given a limit yet), and a date outside 1900–2199 (dates near the ends of
/// the calendar make the clinical date arithmetic overflow). Query parameters are checked on every request; JSON bodies
/// only when a quick scan of the bytes finds an escape or a raw byte of such a character, a body long enough to hold an
/// over-long text, or a date whose year is out of range, so ordinary requests pay a byte scan.
/// <para>
/// Why here and not in the validators: these are properties of every value, not of a field. The model binder takes
/// both (System.Text.Json reads "\u0000" and "0001-01-01" happily), and a validator sees only the fields its command
/// declares, after binding: a rule per text and date field of every command would be needed, and one forgotten field,
/// a new command, a query parameter bound straight to an endpoint (<c>?q=</c>, <c>?date=</c>, <c>?from=</c>), a
/// dictionary key (<c>measurements</c>) or a field name would reach PostgreSQL or the date arithmetic as a 500. Validators
/// also run their own rules in an order of their own, and a date rule such as <c>LmpFromEdd(edd)</c> overflows before a
/// range rule beside it could refuse the value. One guard in front of everything keeps "never a 500" true for input
/// nobody has written a rule for yet.
/// </para>
/// </summary>
public sealed class InputGuard(RequestDelegate next)
{
    public const int EarliestYear = 1900;
    public const int LatestYear = 2199;

    /// <summary>The longest text any field takes (a refresh token); free-text fields stop at 2,000, names far below.</summary>
    public const int MaxTextLength = 4096;
    private const int MaxScannedBody = 512 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var failures = new List<ValidationFailure>();
        foreach (var (name, values) in http.Request.Query)
        {
            foreach (var value in values)
            {
                if (Refuse(name, value) is { } failure)
                {
                    failures.Add(failure);
                    break;
                }
            }
        }

        if (failures.Count == 0 && !HttpMethods.IsGet(http.Request.Method) && http.Request.HasJsonContentType()
            && http.Request.ContentLength is null or (> 0 and <= MaxScannedBody))
        {
            await ScanBodyAsync(http.Request, failures);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await next(http);
    }

    /// <summary>Reads the body into a pooled buffer (nothing allocated per request on the hot path) and rewinds it for the binding.</summary>
    private static async Task ScanBodyAsync(HttpRequest request, List<ValidationFailure> failures)
    {
        request.EnableBuffering();
        var rented = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024));
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(rented.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length == rented.Length)
                {
                    if (length >= MaxScannedBody)
                    {
                        break; // larger bodies are refused by the size limit
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                    rented.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }
            }

            request.Body.Position = 0;
            var body = rented.AsMemory(0, length);
            if (MayHoldBadValue(body.Span))
            {
                FindBadValues(body, failures);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Why a text value cannot be taken, as a failure on its field, or null.</summary>
    public static ValidationFailure? Refuse(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return Messages.NulCharacter.At(field);
        }

        if (value.AsSpan().IndexOfAny(ControlCharacters) is var at and >= 0)
        {
            return Messages.ControlCharacter.At(field, ("Code", ((int)value[at]).ToString("X4", CultureInfo.InvariantCulture)));
        }

        if (value.Length > MaxTextLength)
        {
            return Messages.ValueTooLong.At(field, ("Max", MaxTextLength), ("Length", value.Length));
        }

        return value.Length >= 10 && value[4] == '-' && value[7] == '-' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[8]) && year is < EarliestYear or > LatestYear
            ? Messages.DateOutOfRange.At(field, ("EarliestYear", EarliestYear), ("LatestYear", LatestYear))
            : null;
    }

    /// <summary>Every control character but tab, line feed and carriage return: C0, DEL and C1.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), (char)0x7F, .. Enumerable.Range(0x80, 0x20).Select(c => (char)c)]);

    /// <summary>
    /// A cheap pre-check: an escape of a character below U+00A0 (NUL, C0, DEL, C1 — and Latin-1 letters, which are then
    /// walked and taken), a raw DEL or C1 byte pair, a body long enough to hold an over-long text, or a quoted value
    /// starting with a four-digit year outside the range.
    /// </summary>
    private static bool MayHoldBadValue(ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxTextLength || body.IndexOf("\\u00"u8) >= 0 || body.IndexOf((byte)0x7F) >= 0 || HasRawC1(body))
        {
            return true;
        }

        for (var i = body.IndexOf((byte)'"'); i >= 0 && i + 11 < body.Length; i = NextQuote(body, i + 1))
        {
            var year = body.Slice(i + 1, 4);
            if (body[i + 5] == '-' && body[i + 8] == '-' && IsDigits(year)
                && (year[0] - '0') * 1000 + (year[1] - '0') * 100 + (year[2] - '0') * 10 + (year[3] - '0') is < EarliestYear or > LatestYear)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A C1 control character in UTF-8: 0xC2 followed by 0x80–0x9F.</summary>
    private static bool HasRawC1(ReadOnlySpan<byte> body)
    {
        for (var i = body.IndexOf((byte)0xC2); i >= 0 && i + 1 < body.Length; i = NextByte(body, 0xC2, i + 1))
        {
            if (body[i + 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextByte(ReadOnlySpan<byte> body, byte value, int from)
    {
        var next = body[from..].IndexOf(value);
        return next < 0 ? -1 : from + next;
    }

    private static int NextQuote(ReadOnlySpan<byte> body, int from)
    {
        var next = body[from..].IndexOf((byte)'"');
        return next < 0 ? -1 : from + next;
    }

    private static bool IsDigits(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static void FindBadValues(ReadOnlyMemory<byte> body, List<ValidationFailure> failures)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return; // malformed JSON is reported by the binding, with its position
        }

        using (document)
        {
            Walk(document.RootElement, string.Empty, failures);
        }
    }

    private static void Walk(JsonElement element, string path, List<ValidationFailure> failures)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (Refuse(name, property.Name) is { } refused)
                    {
                        // A field name cannot name the field: the failure goes on the object that holds it.
                        failures.Add(property.Name.Contains('\0', StringComparison.Ordinal)
                            ? Messages.NulInFieldName.At(path.Length == 0 ? "body" : path)
                            : new ValidationFailure(path.Length == 0 ? "body" : path, refused.ErrorMessage) { ErrorCode = refused.ErrorCode, CustomState = refused.CustomState });
                        continue;
                    }

                    Walk(property.Value, name, failures);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), failures);
                }

                break;
            case JsonValueKind.String when Refuse(path.Length == 0 ? "body" : path, element.GetString()) is { } failure:
                failures.Add(failure);
                break;
        }
    }
}
