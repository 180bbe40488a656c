CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label INTEGER, 
    qty NUMERIC(8, 3) NOT NULL, 
    price VARCHAR(30), 
    data JSON, 
    PRIMARY KEY (id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (id, label, qty, price, data) SELECT item.id, CAST(item.label AS INTEGER) AS label, CAST(item.qty AS NUMERIC(8, 3)) AS qty, CAST(item.price AS VARCHAR(30)) AS price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

