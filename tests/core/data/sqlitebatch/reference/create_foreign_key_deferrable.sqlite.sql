CREATE TABLE _alembic_tmp_item (
    id INTEGER NOT NULL, 
    label VARCHAR(20), 
    qty SMALLINT NOT NULL, 
    price NUMERIC(10, 2), 
    data JSON, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_item_label FOREIGN KEY(label) REFERENCES labels (code) DEFERRABLE INITIALLY DEFERRED, 
    CHECK (qty > 0)
);

INSERT INTO _alembic_tmp_item (id, label, qty, price, data) SELECT item.id, item.label, item.qty, item.price, item.data 
FROM item;

DROP TABLE item;

ALTER TABLE _alembic_tmp_item RENAME TO item;

