ALTER TABLE account ADD COLUMN age INTEGER;

COMMENT ON COLUMN account.age IS 'years';

