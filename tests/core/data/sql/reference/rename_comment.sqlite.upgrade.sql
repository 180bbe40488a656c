ALTER TABLE account RENAME TO accounts;

ALTER TABLE user RENAME TO "Users";

COMMENT ON TABLE accounts IS 'it''s a table';

COMMENT ON TABLE accounts IS NULL;
