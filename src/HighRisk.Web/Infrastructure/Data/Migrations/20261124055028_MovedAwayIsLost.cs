using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MovedAwayIsLost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "moved_away_on",
                table: "pregnancies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "moved_away",
                table: "follow_ups",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "moved_away_on",
                table: "pregnancies");

            migrationBuilder.DropColumn(
                name: "moved_away",
                table: "follow_ups");
        }
    }
}
