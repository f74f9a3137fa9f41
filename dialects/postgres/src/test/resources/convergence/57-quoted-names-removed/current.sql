CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."Order" ("select" int PRIMARY KEY, "with space" text);
CREATE TYPE "My Schema"."Kind" AS ENUM ('A', 'b c');
ALTER TABLE "My Schema"."Order" ADD COLUMN "Kind" "My Schema"."Kind", ADD COLUMN "from" int CONSTRAINT "Check" CHECK ("from" > 0);
CREATE TABLE "My Schema"."Line" ("Id" int PRIMARY KEY, "order" int CONSTRAINT "Line→Order" REFERENCES "My Schema"."Order" ("select"));
CREATE INDEX "Idx With Space" ON "My Schema"."Order" ("with space");
CREATE SEQUENCE "My Schema"."Seq";
CREATE VIEW "My Schema"."View" AS SELECT "select", "with space" FROM "My Schema"."Order";
COMMENT ON COLUMN "My Schema"."Order"."with space" IS 'quoted';
