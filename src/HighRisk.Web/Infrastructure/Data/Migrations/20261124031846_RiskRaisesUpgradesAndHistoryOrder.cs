using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskRaisesUpgradesAndHistoryOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_grade_changes_pregnancy_id_changed_at",
                table: "grade_changes");

            migrationBuilder.AddColumn<string>(
                name: "raises",
                table: "pregnancies",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "grade_changes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.CreateTable(
                name: "catalogue_upgrades",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    catalogue_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    regraded = table.Column<int>(type: "integer", nullable: false),
                    changed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_upgrades", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_catalogue_version",
                table: "pregnancies",
                column: "catalogue_version",
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_grade_changes_pregnancy_id_sequence",
                table: "grade_changes",
                columns: new[] { "pregnancy_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_upgrades");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_catalogue_version",
                table: "pregnancies");

            migrationBuilder.DropIndex(
                name: "ix_grade_changes_pregnancy_id_sequence",
                table: "grade_changes");

            migrationBuilder.DropColumn(
                name: "raises",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "grade_changes");

            migrationBuilder.CreateIndex(
                name: "ix_grade_changes_pregnancy_id_changed_at",
                table: "grade_changes",
                columns: new[] { "pregnancy_id", "changed_at" });
        }
    }
}
