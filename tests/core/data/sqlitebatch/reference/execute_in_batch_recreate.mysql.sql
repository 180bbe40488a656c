UPDATE account SET name = 'x';

ALTER TABLE account DROP COLUMN notes;

