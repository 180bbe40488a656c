CREATE TABLE _alembic_tmp_order (
    id INTEGER NOT NULL, 
    "group" VARCHAR(10) NOT NULL, 
    "CamelCase" INTEGER, 
    "From" INTEGER, 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_order (id, "group", "CamelCase") SELECT "order".id, "order"."select", "order"."CamelCase" 
FROM "order";

DROP TABLE "order";

ALTER TABLE _alembic_tmp_order RENAME TO "order";

CREATE INDEX ix_order_select ON "order" ("group");

