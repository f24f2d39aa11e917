using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sign_name",
                table: "sms_messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reminder_plans",
                columns: table => new
                {
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    woman_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consent_given = table.Column<bool>(type: "boolean", nullable: false),
                    consent_date = table.Column<DateOnly>(type: "date", nullable: true),
                    consent_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    consent_recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    consent_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consent_source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    consent_history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_plans", x => x.pregnancy_id);
                    table.ForeignKey(
                        name: "fk_reminder_plans_pregnancies_pregnancy_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    woman_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    moment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    send_on = table.Column<DateOnly>(type: "date", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sms_message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_contact_when_queued = table.Column<DateOnly>(type: "date", nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    cancelled_because = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminders_reminder_plans_pregnancy_id",
                        column: x => x.pregnancy_id,
                        principalTable: "reminder_plans",
                        principalColumn: "pregnancy_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reminder_plans_woman_id",
                table: "reminder_plans",
                column: "woman_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_pregnancy_id",
                table: "reminders",
                column: "pregnancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_sms_message_id",
                table: "reminders",
                column: "sms_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_reminders_one_a_day",
                table: "reminders",
                columns: new[] { "woman_id", "send_on" },
                unique: true,
                filter: "status = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "reminder_plans");

            migrationBuilder.DropColumn(
                name: "sign_name",
                table: "sms_messages");
        }
    }
}
