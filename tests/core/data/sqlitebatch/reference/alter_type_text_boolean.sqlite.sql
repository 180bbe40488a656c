CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label TEXT, 
    qty BOOLEAN NOT NULL, 
    price NUMERIC(10, 2), 
    data VARCHAR(200), 
    PRIMARY KEY (id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (id, label, qty, price, data) SELECT item.id, item.label, CAST(item.qty AS BOOLEAN) AS qty, item.price, CAST(item.data AS VARCHAR(200)) AS data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

