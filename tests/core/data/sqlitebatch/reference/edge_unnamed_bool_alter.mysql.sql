ALTER TABLE item MODIFY qty BOOL NULL;

ALTER TABLE item ADD CHECK (qty IN (0, 1));

ALTER TABLE item ADD CONSTRAINT ck_item_price CHECK (price > 0);

