using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PregnanciesByTownshipAndNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pregnancies_township_code_status",
                table: "pregnancies");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_township_code_number",
                table: "pregnancies",
                columns: new[] { "township_code", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pregnancies_township_code_number",
                table: "pregnancies");

            migrationBuilder.CreateIndex(
                name: "ix_pregnancies_township_code_status",
                table: "pregnancies",
                columns: new[] { "township_code", "status" });
        }
    }
}
