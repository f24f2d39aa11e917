using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighRisk.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "expert_pools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    specialty = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    member_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_pools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pregnancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    facility_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    pool_id = table.Column<Guid>(type: "uuid", nullable: false),
                    specialty = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    asked_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer_due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    taken_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    taken_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    raised_to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    raise_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_expert_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "expert_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_answer_due_id",
                table: "consultations",
                columns: new[] { "answer_due", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_division_code",
                table: "consultations",
                column: "division_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_pool_id_status",
                table: "consultations",
                columns: new[] { "pool_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_pregnancy_id",
                table: "consultations",
                column: "pregnancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_review_at",
                table: "consultations",
                column: "review_at",
                filter: "review_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_expert_pools_specialty_division_code",
                table: "expert_pools",
                columns: new[] { "specialty", "division_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "expert_pools");
        }
    }
}
