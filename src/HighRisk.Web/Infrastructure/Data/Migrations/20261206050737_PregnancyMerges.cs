using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PregnancyMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "pregnancies",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pregnancy_merges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    keep_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_id = table.Column<Guid>(type: "uuid", nullable: false),
                    taken = table.Column<string>(type: "jsonb", nullable: false),
                    referral_ids = table.Column<string>(type: "jsonb", nullable: false),
                    consultation_ids = table.Column<string>(type: "jsonb", nullable: false),
                    alert_ids = table.Column<string>(type: "jsonb", nullable: false),
                    merged_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    merged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    undo_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    undone_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pregnancy_merges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancy_merges_keep_id",
                table: "pregnancy_merges",
                column: "keep_id");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancy_merges_merged_at",
                table: "pregnancy_merges",
                column: "merged_at");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancy_merges_merged_id",
                table: "pregnancy_merges",
                column: "merged_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pregnancy_merges");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "pregnancies");
        }
    }
}
