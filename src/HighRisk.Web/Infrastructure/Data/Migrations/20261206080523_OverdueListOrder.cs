using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OverdueListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_overdue_spells_township_code_until_date",
                table: "overdue_spells");

            migrationBuilder.AddColumn<int>(
                name: "urgency",
                table: "overdue_spells",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN colour = 'Red' THEN 0 WHEN colour = 'Orange' THEN 1 WHEN purple THEN 2 WHEN colour = 'Yellow' THEN 3 ELSE 4 END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_overdue_spells_list_order",
                table: "overdue_spells",
                columns: new[] { "township_code", "urgency", "due_date", "pregnancy_id", "until_date", "from_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_overdue_spells_list_order",
                table: "overdue_spells");

            migrationBuilder.DropColumn(
                name: "urgency",
                table: "overdue_spells");

            migrationBuilder.CreateIndex(
                name: "ix_overdue_spells_township_code_until_date",
                table: "overdue_spells",
                columns: new[] { "township_code", "until_date" });
        }
    }
}
