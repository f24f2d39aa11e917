using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Each pregnancy's review date moves to a narrow row of its own, with the revision the daily job checks before it
    /// writes (the row version of the pregnancy it checked until now): the dates are copied before the column goes.
    /// </summary>
    public partial class FollowUpReviewsOfTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_reviews",
                columns: table => new
                {
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.Sql("INSERT INTO follow_up_reviews (pregnancy_id, review_on, revision) SELECT id, follow_up_review_on, 0 FROM pregnancies");

            migrationBuilder.DropIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "follow_up_review_on",
                table: "pregnancies");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reviews_review_on",
                table: "follow_up_reviews",
                column: "review_on",
                filter: "review_on IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_review_on",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.Sql("UPDATE pregnancies AS p SET follow_up_review_on = r.review_on FROM follow_up_reviews AS r WHERE r.pregnancy_id = p.id");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_follow_up_review_on",
                table: "pregnancies",
                column: "follow_up_review_on",
                filter: "follow_up_review_on IS NOT NULL");

            migrationBuilder.DropTable(
                name: "follow_up_reviews");
        }
    }
}
