-- Ward staff assignments: which wards a ward staff member reads and runs. Generated with
-- `prisma migrate diff --from-schema <previous schema> --to-schema schema --script`.
-- CreateTable
CREATE TABLE "ward"."staff_assignments" (
    "user_id" UUID NOT NULL,
    "ward_id" UUID NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_assignments_pkey" PRIMARY KEY ("user_id","ward_id")
);

-- CreateIndex
CREATE INDEX "staff_assignments_ward_id_idx" ON "ward"."staff_assignments"("ward_id");

-- AddForeignKey
ALTER TABLE "ward"."staff_assignments" ADD CONSTRAINT "staff_assignments_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "ward"."wards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


