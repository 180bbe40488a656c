CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label JSON, 
    qty SMALLINT NOT NULL, 
    price NUMERIC(10, 2), 
    data JSON, 
    PRIMARY KEY (id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (id, label, qty, price, data) SELECT item.id, item.label, item.qty, item.price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

