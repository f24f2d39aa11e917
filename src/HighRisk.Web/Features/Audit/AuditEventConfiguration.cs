using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.UserName).HasMaxLength(64);
        builder.Property(a => a.Role).HasMaxLength(32);
        builder.Property(a => a.Entity).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.RemoteAddress).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityId, a.At });
        builder.HasIndex(a => new { a.UserName, a.At });
    }
}
