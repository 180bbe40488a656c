COMMENT ON COLUMN account.name IS 'display name';

