CREATE TABLE _alembic_tmp_item (
    item_id INTEGER NOT NULL, 
    label VARCHAR(20), 
    qty SMALLINT DEFAULT '1' NOT NULL, 
    price NUMERIC(10, 2), 
    data JSON, 
    PRIMARY KEY (item_id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (item_id, label, qty, price, data) SELECT item.id, item.label, item.qty, item.price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

