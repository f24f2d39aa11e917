using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The follow-up state and review date move to a narrow table of their own, one row per pregnancy, copied as
            // they are (PregnancyConfiguration says why).
            migrationBuilder.CreateTable(
                name: "follow_up_states",
                columns: table => new
                {
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    follow_up_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    follow_up_review_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_states", x => x.pregnancy_id);
                    table.ForeignKey(
                        name: "fk_pregnancies_pregnancies_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                INSERT INTO follow_up_states (pregnancy_id, follow_up_state, follow_up_review_on)
                SELECT id, follow_up_state, follow_up_review_on FROM pregnancies
                """);

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_overdue",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_state",
                table: "pregnancies");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_states_overdue",
                table: "follow_up_states",
                column: "follow_up_state",
                filter: "follow_up_state IN ('Overdue', 'Lost')");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_states_review_on",
                table: "follow_up_states",
                column: "follow_up_review_on",
                filter: "follow_up_review_on IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_review_on",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_state",
                table: "pregnancies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.Sql("""
                UPDATE pregnancies AS p SET follow_up_state = s.follow_up_state, follow_up_review_on = s.follow_up_review_on
                FROM follow_up_states AS s WHERE s.pregnancy_id = p.id
                """);

            migrationBuilder.DropTable(
                name: "follow_up_states");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies",
                column: "follow_up_review_on",
                filter: "follow_up_review_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_overdue",
                table: "pregnancies",
                column: "township_code",
                filter: "follow_up_state IN ('Overdue', 'Lost')");
        }
    }
}
