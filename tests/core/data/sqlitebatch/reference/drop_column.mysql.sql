ALTER TABLE account DROP COLUMN notes;

