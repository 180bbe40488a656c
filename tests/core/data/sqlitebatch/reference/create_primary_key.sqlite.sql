CREATE TABLE _alembic_tmp_item (
    label VARCHAR(20), 
    qty SMALLINT NOT NULL, 
    price NUMERIC(10, 2), 
    data JSON, 
    CONSTRAINT pk_item PRIMARY KEY (label, qty), 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (label, qty, price, data) SELECT item.label, item.qty, item.price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

