CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label VARCHAR(2), 
    qty BOOLEAN NOT NULL, 
    price NUMERIC(10, 2), 
    data JSON, 
    PRIMARY KEY (id), 
    CONSTRAINT label_enum CHECK (label IN ('a', 'bb')), 
    CHECK (qty > 0), 
    CHECK (qty IN (0, 1))
);

INSERT INTO _alembic_tmp_item (id, label, qty, price, data) SELECT item.id, item.label, CAST(item.qty AS BOOLEAN) AS qty, item.price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

