using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDatesOfTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_reviews",
                columns: table => new
                {
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    follow_up_review_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_reviews", x => x.pregnancy_id);
                    table.ForeignKey(
                        name: "fk_pregnancies_pregnancies_id",
                        column: x => x.pregnancy_id,
                        principalTable: "pregnancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The review date moves to a narrow table of its own, one row per pregnancy, copied as it is
            // (PregnancyConfiguration says why).
            migrationBuilder.Sql("""
                INSERT INTO follow_up_reviews (pregnancy_id, follow_up_review_on)
                SELECT id, follow_up_review_on FROM pregnancies ORDER BY id
                """);

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reviews_review_on",
                table: "follow_up_reviews",
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

            migrationBuilder.Sql("""
                UPDATE pregnancies AS p SET follow_up_review_on = r.follow_up_review_on
                FROM follow_up_reviews AS r WHERE r.pregnancy_id = p.id
                """);

            migrationBuilder.DropTable(
                name: "follow_up_reviews");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies",
                column: "follow_up_review_on",
                filter: "follow_up_review_on IS NOT NULL");
        }
    }
}
