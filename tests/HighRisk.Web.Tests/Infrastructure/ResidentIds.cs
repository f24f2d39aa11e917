using HighRisk.Features.Pregnancies;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>Makes valid, unique resident ID numbers for test women (the test database is new on every run).</summary>
public static class ResidentIds
{
    private static int _counter;

    /// <summary>
    /// A woman born on <paramref name="birthDate"/> (or, past 400 women, a few days earlier), registered in Yuhu
    /// district, with an even (female) sequence number.
    /// </summary>
    public static string Unique(DateOnly birthDate)
    {
        var n = Interlocked.Increment(ref _counter);
        return Make(birthDate.AddDays(-(n / 400)), (n % 400) * 2);
    }

    public static string Make(DateOnly birthDate, int sequence, string addressCode = "430302")
    {
        var first17 = $"{addressCode}{birthDate:yyyyMMdd}{sequence:000}";
        return first17 + ResidentId.CheckCharacter(first17);
    }
}
