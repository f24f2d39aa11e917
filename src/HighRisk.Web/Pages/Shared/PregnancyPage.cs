using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using Mediator;

namespace HighRisk.Pages;

/// <summary>A page about one pregnancy (its record, or a form that adds to it), read with <see cref="GetPregnancy"/>.</summary>
public abstract class PregnancyPage(ISender sender) : FormPage
{
    public GetPregnancy.Response Pregnancy { get; private set; } = null!;

    protected ISender Sender => sender;

    /// <summary>Reads the record; false when it does not exist or is outside the user's area.</summary>
    protected async Task<bool> LoadPregnancyAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Pregnancy = await sender.Send(new GetPregnancy.Query(id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
