using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OverdueSpells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_review_on",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "policy_fingerprint",
                table: "daily_overdue_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "spells_closed",
                table: "daily_overdue_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "spells_opened",
                table: "daily_overdue_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "states_reviewed",
                table: "daily_overdue_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "overdue_spells",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purple = table.Column<bool>(type: "boolean", nullable: false),
                    lmp = table.Column<DateOnly>(type: "date", nullable: false),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_contact_date = table.Column<DateOnly>(type: "date", nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    health_worker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    until_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_spells", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies",
                column: "follow_up_review_on",
                filter: "follow_up_review_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_overdue_spells_open",
                table: "overdue_spells",
                column: "pregnancy_id",
                filter: "until_date = 'infinity'")
                .Annotation("Npgsql:IndexInclude", new[] { "township_code", "colour", "purple", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_overdue_spells_township_code_until_date",
                table: "overdue_spells",
                columns: new[] { "township_code", "until_date" });

            // The lists made so far, each entry a spell of its own day; the next run (a full one: no policy fingerprint
            // yet) opens spells for the women on its list.
            migrationBuilder.Sql("""
                INSERT INTO overdue_spells (pregnancy_id, township_code, village_code, facility_code, colour, purple, lmp, delivered_on,
                    due_date, due_kind, state, last_contact_date, failed_attempts, health_worker, from_date, until_date)
                SELECT e.pregnancy_id, l.township_code, e.village_code, e.facility_code, e.colour, e.purple, p.lmp,
                    l.business_date - e.postpartum_day, e.due_date, e.due_kind, e.state, e.last_contact_date, e.failed_attempts, e.health_worker,
                    l.business_date, l.business_date + 1
                FROM overdue_list_entries e JOIN overdue_lists l ON l.id = e.list_id JOIN pregnancies p ON p.id = e.pregnancy_id;
                """);

            migrationBuilder.DropTable(
                name: "overdue_list_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "overdue_spells");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "policy_fingerprint",
                table: "daily_overdue_runs");

            migrationBuilder.DropColumn(
                name: "spells_closed",
                table: "daily_overdue_runs");

            migrationBuilder.DropColumn(
                name: "spells_opened",
                table: "daily_overdue_runs");

            migrationBuilder.DropColumn(
                name: "states_reviewed",
                table: "daily_overdue_runs");

            migrationBuilder.CreateTable(
                name: "overdue_list_entries",
                columns: table => new
                {
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    days_overdue = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    gestational_weeks = table.Column<int>(type: "integer", nullable: false),
                    health_worker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    last_contact_date = table.Column<DateOnly>(type: "date", nullable: true),
                    postpartum_day = table.Column<int>(type: "integer", nullable: true),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purple = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_list_entries", x => new { x.list_id, x.rank });
                });
        }
    }
}
