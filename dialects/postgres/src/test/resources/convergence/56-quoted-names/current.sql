CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."Order" ("select" int PRIMARY KEY, "with space" text);
