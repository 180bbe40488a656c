CREATE TABLE "Order" (
    "ID" INTEGER NOT NULL, 
    "group" VARCHAR(10), 
    "straße" VARCHAR(10), 
    "1st" INTEGER, 
    "key" INTEGER, 
    PRIMARY KEY ("ID"), 
    CONSTRAINT "Uq_Group" UNIQUE ("group")
);

CREATE INDEX "ix_Order_group" ON "Order" ("group", "key");

ALTER TABLE "Order" RENAME TO "order";
