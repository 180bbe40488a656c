CREATE TABLE _alembic_tmp_item (
    qty SMALLINT NOT NULL, 
    price NUMERIC(10, 2) NOT NULL, 
    data JSON, 
    label VARCHAR(20), 
    id INTEGER NOT NULL, 
    PRIMARY KEY (id), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (qty, price, data, label, id) SELECT item.qty, item.price, item.data, item.label, item.id 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

