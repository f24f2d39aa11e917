using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    edition = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_divisions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "facilities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    midwifery = table.Column<bool>(type: "boolean", nullable: false),
                    critical_care_centre = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "seed_runs",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_runs", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "women",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    resident_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_women", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pregnancies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    woman_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lmp = table.Column<DateOnly>(type: "date", nullable: false),
                    edd = table.Column<DateOnly>(type: "date", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    health_worker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    height_cm = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    weight_kg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    findings = table.Column<List<string>>(type: "text[]", nullable: false),
                    booking_date = table.Column<DateOnly>(type: "date", nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    outcome_date = table.Column<DateOnly>(type: "date", nullable: true),
                    delivery_mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purple = table.Column<bool>(type: "boolean", nullable: false),
                    factors = table.Column<string>(type: "jsonb", nullable: false),
                    catalogue_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    graded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pregnancies", x => x.id);
                    table.ForeignKey(
                        name: "fk_pregnancies_women_woman_id",
                        column: x => x.woman_id,
                        principalTable: "women",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exam_date = table.Column<DateOnly>(type: "date", nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    examiner = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    measurements = table.Column<string>(type: "jsonb", nullable: false),
                    findings = table.Column<List<string>>(type: "text[]", nullable: false),
                    resolved = table.Column<string>(type: "jsonb", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_appointment = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    grade_after = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purple_after = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_pregnancies_pregnancy_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grade_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_purple = table.Column<bool>(type: "boolean", nullable: false),
                    to_purple = table.Column<bool>(type: "boolean", nullable: false),
                    factors = table.Column<string>(type: "jsonb", nullable: false),
                    exam_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    catalogue_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grade_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_grade_changes_pregnancies_pregnancy_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_divisions_parent_code",
                table: "divisions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_exams_pregnancy_id_exam_date",
                table: "exams",
                columns: new[] { "pregnancy_id", "exam_date" });

            migrationBuilder.CreateIndex(
                name: "ix_facilities_division_code",
                table: "facilities",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_grade_changes_pregnancy_id_changed_at",
                table: "grade_changes",
                columns: new[] { "pregnancy_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_division_code",
                table: "pregnancies",
                column: "division_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_number",
                table: "pregnancies",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_township_code_status",
                table: "pregnancies",
                columns: new[] { "township_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_pregnancies_one_open_per_woman",
                table: "pregnancies",
                column: "woman_id",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_women_resident_id",
                table: "women",
                column: "resident_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "divisions");

            migrationBuilder.DropTable(
                name: "exams");

            migrationBuilder.DropTable(
                name: "facilities");

            migrationBuilder.DropTable(
                name: "grade_changes");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "seed_runs");

            migrationBuilder.DropTable(
                name: "pregnancies");

            migrationBuilder.DropTable(
                name: "women");
        }
    }
}
