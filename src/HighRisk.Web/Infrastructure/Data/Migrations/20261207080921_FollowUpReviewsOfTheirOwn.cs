using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Each pregnancy's review date moves to a narrow row of its own, with the revision the daily job checks before it
    /// writes (the row version of the pregnancy it checked until now). The old column stays for the previous release,
    /// which runs on this schema until the roll-out ends (docs/operations.md, "Upgrades"): its index goes (nothing new
    /// reads it), and two triggers carry what that release writes into the new rows: a review date it plans, and a
    /// pregnancy it books (deferred to the commit, when a booking by this release has written its own row). The next
    /// release drops the column, the triggers and their function.
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

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reviews_review_on",
                table: "follow_up_reviews",
                column: "review_on",
                filter: "review_on IS NOT NULL");

            migrationBuilder.Sql("""
                CREATE FUNCTION follow_up_review_from_previous_release() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO follow_up_reviews (pregnancy_id, review_on, revision)
                        SELECT NEW.id, NEW.follow_up_review_on, 0 WHERE EXISTS (SELECT 1 FROM pregnancies WHERE id = NEW.id)
                        ON CONFLICT (pregnancy_id) DO NOTHING;
                    ELSE
                        UPDATE follow_up_reviews SET review_on = NEW.follow_up_review_on, revision = revision + 1 WHERE pregnancy_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER follow_up_review_of_a_booking_by_the_previous_release AFTER INSERT ON pregnancies
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION follow_up_review_from_previous_release();
                CREATE TRIGGER follow_up_review_planned_by_the_previous_release AFTER UPDATE OF follow_up_review_on ON pregnancies
                    FOR EACH ROW WHEN (NEW.follow_up_review_on IS DISTINCT FROM OLD.follow_up_review_on)
                    EXECUTE FUNCTION follow_up_review_from_previous_release();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER follow_up_review_planned_by_the_previous_release ON pregnancies;
                DROP TRIGGER follow_up_review_of_a_booking_by_the_previous_release ON pregnancies;
                DROP FUNCTION follow_up_review_from_previous_release();
                """);

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
