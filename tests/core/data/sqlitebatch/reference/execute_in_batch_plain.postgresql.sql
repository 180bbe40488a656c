UPDATE account SET name = 'x';

ALTER TABLE account ADD COLUMN age INTEGER;

