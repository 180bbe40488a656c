ALTER TABLE "order" ALTER COLUMN "select" SET NOT NULL;

ALTER TABLE "order" RENAME "select" TO "group";

ALTER TABLE "order" ADD COLUMN "From" INTEGER;

