using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpsOverdueAndMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "full_name_masked",
                table: "women",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "care_due_date",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "care_due_kind",
                table: "pregnancies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "days_overdue",
                table: "pregnancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "discharge_date",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "failed_attempts",
                table: "pregnancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "first_failed_attempt",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_state",
                table: "pregnancies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_contact_date",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_failed_attempt",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_due_date",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "next_due_kind",
                table: "pregnancies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "postpartum_visit_done",
                table: "pregnancies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "referral_due_date",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_overdue_runs",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    states_changed = table.Column<int>(type: "integer", nullable: false),
                    lists = table.Column<int>(type: "integer", nullable: false),
                    entries = table.Column<int>(type: "integer", nullable: false),
                    sms_queued = table.Column<int>(type: "integer", nullable: false),
                    mail_queued = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_overdue_runs", x => x.business_date);
                });

            migrationBuilder.CreateTable(
                name: "division_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reached = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_appointment = table.Column<DateOnly>(type: "date", nullable: true),
                    counted_as = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_ups_pregnancies_pregnancy_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dedup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    overdue_list_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attachment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sink_attachment = table.Column<byte[]>(type: "bytea", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "overdue_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    red = table.Column<int>(type: "integer", nullable: false),
                    orange = table.Column<int>(type: "integer", nullable: false),
                    purple = table.Column<int>(type: "integer", nullable: false),
                    yellow = table.Column<int>(type: "integer", nullable: false),
                    green = table.Column<int>(type: "integer", nullable: false),
                    lost = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dedup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    template_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    template_params = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "overdue_list_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    masked_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    mobile_cipher = table.Column<string>(type: "text", nullable: false),
                    mobile_masked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purple = table.Column<bool>(type: "boolean", nullable: false),
                    gestational_weeks = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    days_overdue = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_contact_date = table.Column<DateOnly>(type: "date", nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    health_worker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_list_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_overdue_list_entries_overdue_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "overdue_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_state",
                table: "pregnancies",
                column: "follow_up_state");

            migrationBuilder.CreateIndex(
                name: "ix_division_contacts_division_code_role",
                table: "division_contacts",
                columns: new[] { "division_code", "role" });

            migrationBuilder.CreateIndex(
                name: "ix_division_contacts_division_code_role_name",
                table: "division_contacts",
                columns: new[] { "division_code", "role", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_pregnancy_id_date",
                table: "follow_ups",
                columns: new[] { "pregnancy_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_dedup_key",
                table: "mail_messages",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_status",
                table: "mail_messages",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_overdue_list_entries_list_id_rank",
                table: "overdue_list_entries",
                columns: new[] { "list_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_overdue_lists_business_date_township_code",
                table: "overdue_lists",
                columns: new[] { "business_date", "township_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_alert_id",
                table: "sms_messages",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_dedup_key",
                table: "sms_messages",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_status_next_attempt_at",
                table: "sms_messages",
                columns: new[] { "status", "next_attempt_at" });

            // The overdue filter of the township lists: by township, then state.
            migrationBuilder.Sql("CREATE INDEX ix_pregnancies_township_code_follow_up_state ON pregnancies (township_code, follow_up_state)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_pregnancies_township_code_follow_up_state");
            migrationBuilder.DropTable(
                name: "daily_overdue_runs");

            migrationBuilder.DropTable(
                name: "division_contacts");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "mail_messages");

            migrationBuilder.DropTable(
                name: "overdue_list_entries");

            migrationBuilder.DropTable(
                name: "sms_messages");

            migrationBuilder.DropTable(
                name: "overdue_lists");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_state",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "full_name_masked",
                table: "women");

            migrationBuilder.DropColumn(
                name: "care_due_date",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "care_due_kind",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "days_overdue",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "discharge_date",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "failed_attempts",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "first_failed_attempt",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_state",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "last_contact_date",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "last_failed_attempt",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "next_due_date",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "next_due_kind",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "postpartum_visit_done",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "referral_due_date",
                table: "pregnancies");
        }
    }
}
