using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PossibleDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_women_full_name_birth_date",
                table: "women",
                columns: new[] { "full_name", "birth_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_women_full_name_birth_date",
                table: "women");
        }
    }
}
