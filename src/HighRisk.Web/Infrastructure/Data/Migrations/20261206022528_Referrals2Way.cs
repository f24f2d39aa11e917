using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Referrals2Way : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "outcome_recorded_by",
                table: "referrals",
                newName: "completed_by");

            migrationBuilder.RenameColumn(
                name: "outcome_date",
                table: "referrals",
                newName: "completed_on");

            migrationBuilder.RenameColumn(
                name: "outcome",
                table: "referrals",
                newName: "findings");

            migrationBuilder.AlterColumn<string>(
                name: "findings",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accept_by",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accepted_by",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "access_until",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "advice",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answer_escalated_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "answer_late",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "arrival_recorded_by",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "arrived_on",
                table: "referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "referrals",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_by",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "declined_by",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_on",
                table: "referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "declined_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "division_code",
                table: "referrals",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "facility_code",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "feedback_seen_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decline_reason",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "from_facility_code",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "outcome_escalated_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "outcome_late",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "referred_by_id",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "requested_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "review_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "slip",
                table: "referrals",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "sms_on_feedback",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "treatment",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "urgency",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "facility_code",
                table: "division_contacts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "referral_id",
                table: "audit_events",
                type: "uuid",
                nullable: true);

            // Referrals recorded before the workflow were made after the fact by the sender: an open one is taken as accepted
            // (she was sent with a paper slip), one with an outcome as completed, with no slip and no access for the receiving
            // facility. Their deadlines are left to the review job (review_at now), which applies Referral.Review; the
            // escalations are marked as made so that old lateness sends no SMS.
            migrationBuilder.Sql("""
                UPDATE referrals r SET
                    division_code = p.division_code,
                    facility_code = p.facility_code,
                    urgency = 'Routine',
                    requested_at = r.referred_on::timestamp AT TIME ZONE 'Asia/Shanghai',
                    accept_by = r.referred_on::timestamp AT TIME ZONE 'Asia/Shanghai',
                    status = CASE WHEN r.completed_on IS NULL THEN 'Accepted' ELSE 'Completed' END,
                    accepted_at = r.referred_on::timestamp AT TIME ZONE 'Asia/Shanghai',
                    accepted_by = r.referred_by,
                    completed_at = CASE WHEN r.completed_on IS NOT NULL THEN r.completed_on::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                    access_until = CASE WHEN r.completed_on IS NOT NULL THEN r.completed_on::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                    feedback_seen_at = CASE WHEN r.completed_on IS NOT NULL THEN now() END,
                    answer_escalated_at = now(),
                    outcome_escalated_at = now(),
                    review_at = CASE WHEN r.completed_on IS NULL THEN now() END
                FROM pregnancies p
                WHERE p.id = r.pregnancy_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_division_code",
                table: "referrals",
                column: "division_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_facility_code_id",
                table: "referrals",
                columns: new[] { "facility_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_review_at",
                table: "referrals",
                column: "review_at",
                filter: "review_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_to_facility_code_id",
                table: "referrals",
                columns: new[] { "to_facility_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_division_contacts_facility_code",
                table: "division_contacts",
                column: "facility_code",
                filter: "facility_code IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_division_code",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_facility_code_id",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_review_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_to_facility_code_id",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_division_contacts_facility_code",
                table: "division_contacts");

            migrationBuilder.DropColumn(
                name: "accept_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "accepted_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "access_until",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "advice",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "answer_escalated_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "answer_late",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "arrival_recorded_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "arrived_on",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "cancelled_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "declined_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "follow_up_on",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "declined_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "division_code",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "facility_code",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "feedback_seen_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "decline_reason",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "from_facility_code",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "note",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "outcome_escalated_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "outcome_late",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "referred_by_id",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "requested_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "review_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "slip",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "sms_on_feedback",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "status",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "treatment",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "urgency",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "facility_code",
                table: "division_contacts");

            migrationBuilder.DropColumn(
                name: "referral_id",
                table: "audit_events");

            migrationBuilder.RenameColumn(
                name: "completed_on",
                table: "referrals",
                newName: "outcome_date");

            migrationBuilder.RenameColumn(
                name: "completed_by",
                table: "referrals",
                newName: "outcome_recorded_by");

            migrationBuilder.RenameColumn(
                name: "findings",
                table: "referrals",
                newName: "outcome");
        }
    }
}
