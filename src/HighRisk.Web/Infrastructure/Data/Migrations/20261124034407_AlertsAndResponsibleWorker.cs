using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertsAndResponsibleWorker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "responsible_user_id",
                table: "pregnancies",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade_change_id = table.Column<Guid>(type: "uuid", nullable: false),
                    colour = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    masked_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    gestational_weeks = table.Column<int>(type: "integer", nullable: false),
                    factor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action_taken = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalation_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_division_code_status",
                table: "alerts",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_grade_change_id",
                table: "alerts",
                column: "grade_change_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_pregnancy_id",
                table: "alerts",
                column: "pregnancy_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropColumn(
                name: "responsible_user_id",
                table: "pregnancies");
        }
    }
}
