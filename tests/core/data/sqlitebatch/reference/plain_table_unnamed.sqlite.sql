CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label VARCHAR(20), 
    qty SMALLINT NOT NULL, 
    price NUMERIC(10, 2), 
    PRIMARY KEY (id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (id, label, qty, price) SELECT item.id, item.label, item.qty, item.price 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

