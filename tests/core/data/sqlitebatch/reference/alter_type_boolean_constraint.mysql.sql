ALTER TABLE item MODIFY qty BOOL NULL;

ALTER TABLE item ADD CONSTRAINT ck_item_qty_bool CHECK (qty IN (0, 1));

