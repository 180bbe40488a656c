ALTER TABLE account ADD COLUMN legacy TEXT;

ALTER TABLE account DROP COLUMN "select";

ALTER TABLE account DROP COLUMN updated;

ALTER TABLE account DROP COLUMN active;

ALTER TABLE account DROP COLUMN email;
