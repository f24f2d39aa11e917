using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>The case ends with her episode: at the close of a pregnancy that did not end in a birth, or at the 42-day check after one.</summary>
public sealed class EndCaseWithEpisode(HighRiskDb db, BusinessClock clock) : INotificationHandler<EpisodeEnded>
{
    public async ValueTask Handle(EpisodeEnded notification, CancellationToken cancellationToken)
    {
        var pregnancy = notification.Pregnancy;
        var managed = await db.LockCaseOfAsync(pregnancy.Id, cancellationToken);
        var reason = pregnancy.Outcome switch
        {
            PregnancyOutcome.Delivery => "产后42天检查完成",
            PregnancyOutcome.Miscarriage => "妊娠结局：流产",
            PregnancyOutcome.Termination => "妊娠结局：终止妊娠",
            PregnancyOutcome.MovedAway => "迁出（转出至其他机构）",
            PregnancyOutcome.MaternalDeath => "孕产妇死亡",
            PregnancyOutcome.Merged => "重复建册，档案已合并",
            _ => "妊娠结案",
        };
        managed?.EndWithEpisode(reason, clock.Now, clock.Today);
    }
}
