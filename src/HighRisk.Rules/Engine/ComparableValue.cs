using System.Runtime.CompilerServices;

namespace HighRisk.Rules;

/// <summary>
/// A value as the engine compares it: the exact decimal, and the same value counted in millionths when it has at most
/// six decimals (every measurement and threshold in practice). Comparing millionths is one integer comparison; a value
/// off that grid (an unrounded BMI) is compared as a decimal, so results are exact either way.
/// </summary>
internal readonly struct ComparableValue
{
    public const int GridScale = 6;

    // Keeps |millionths| below 2^62, so range arithmetic cannot overflow.
    private const ulong MaxMantissa = (1UL << 62) / 1_000_000;

    private static readonly ulong[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private ComparableValue(decimal value, long millionths, bool onGrid)
    {
        Value = value;
        Millionths = millionths;
        OnGrid = onGrid;
    }

    public decimal Value { get; }

    public long Millionths { get; }

    public bool OnGrid { get; }

    public static ComparableValue Of(decimal value)
    {
        var bits = default(DecimalBits);
        decimal.GetBits(value, bits);
        var flags = bits[3];
        var scale = (flags >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= GridScale)
        {
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            if (mantissa <= MaxMantissa)
            {
                var millionths = (long)(mantissa * PowersOfTen[GridScale - scale]);
                return new ComparableValue(value, flags < 0 ? -millionths : millionths, true);
            }
        }

        return new ComparableValue(value, 0, false);
    }

    [InlineArray(4)]
    private struct DecimalBits
    {
        private int first;
    }
}
