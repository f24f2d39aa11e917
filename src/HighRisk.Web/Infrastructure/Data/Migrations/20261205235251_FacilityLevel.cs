using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FacilityLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing rows get 1 so that the check holds; the seeder reloads the changed facilities CSV with each row's level.
            migrationBuilder.AddColumn<int>(
                name: "level",
                table: "facilities",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "synthetic",
                table: "facilities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddCheckConstraint(
                name: "ck_facilities_level",
                table: "facilities",
                sql: "level BETWEEN 1 AND 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_facilities_level",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "level",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "synthetic",
                table: "facilities");
        }
    }
}
