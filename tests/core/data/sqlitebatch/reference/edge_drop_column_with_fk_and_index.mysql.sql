ALTER TABLE account DROP COLUMN parent_id;

ALTER TABLE account DROP COLUMN score;

