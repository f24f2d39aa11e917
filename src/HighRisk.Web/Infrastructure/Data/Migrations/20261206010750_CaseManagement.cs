using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "delivery_facility_code",
                table: "pregnancies",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_areas",
                columns: table => new
                {
                    division_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_areas", x => x.division_prefix);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    edd = table.Column<DateOnly>(type: "date", nullable: false),
                    city_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    follow_up_overdue = table.Column<bool>(type: "boolean", nullable: false),
                    board_rank = table.Column<int>(type: "integer", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_as = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purple = table.Column<bool>(type: "boolean", nullable: false),
                    report_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    report_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_acknowledged_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    report_late = table.Column<bool>(type: "boolean", nullable: false),
                    report_escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: true),
                    manager_assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    plan_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    plan_count = table.Column<int>(type: "integer", nullable: false),
                    planned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    plan_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    care_facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    delivery_facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    assessment_facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    no_plan = table.Column<bool>(type: "boolean", nullable: false),
                    plan_overdue = table.Column<bool>(type: "boolean", nullable: false),
                    level_mismatches = table.Column<string>(type: "jsonb", nullable: false),
                    level_mismatch = table.Column<bool>(type: "boolean", nullable: false),
                    review_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    near_miss_count = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    close_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "death_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    died_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    usual_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    current_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery_place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    death_place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    transferred = table.Column<bool>(type: "boolean", nullable: true),
                    transferred_from = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    antenatal_visits = table.Column<int>(type: "integer", nullable: true),
                    first_visit_week = table.Column<int>(type: "integer", nullable: true),
                    causes = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_death_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "near_misses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_near_misses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    care_facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delivery_facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    treatment_plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    emergency_plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    next_review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    continuation = table.Column<string>(type: "jsonb", nullable: true),
                    pmtct = table.Column<string>(type: "jsonb", nullable: false),
                    level_mismatches = table.Column<string>(type: "jsonb", nullable: false),
                    author = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_plans_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_areas_manager_id",
                table: "case_areas",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_plans_case_id_version",
                table: "case_plans",
                columns: new[] { "case_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_board",
                table: "cases",
                columns: new[] { "status", "board_rank", "edd", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_board_city",
                table: "cases",
                columns: new[] { "city_code", "status", "board_rank", "edd", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_board_county",
                table: "cases",
                columns: new[] { "county_code", "status", "board_rank", "edd", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_board_township",
                table: "cases",
                columns: new[] { "township_code", "status", "board_rank", "edd", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_division_code",
                table: "cases",
                column: "division_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_manager_id",
                table: "cases",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_pregnancy_id",
                table: "cases",
                column: "pregnancy_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_review_at",
                table: "cases",
                column: "review_at",
                filter: "review_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_death_reports_division_code",
                table: "death_reports",
                column: "division_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_death_reports_pregnancy_id",
                table: "death_reports",
                column: "pregnancy_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_near_misses_case_id",
                table: "near_misses",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_areas");

            migrationBuilder.DropTable(
                name: "case_plans");

            migrationBuilder.DropTable(
                name: "death_reports");

            migrationBuilder.DropTable(
                name: "near_misses");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropColumn(
                name: "delivery_facility_code",
                table: "pregnancies");
        }
    }
}
