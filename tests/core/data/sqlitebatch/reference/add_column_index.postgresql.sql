ALTER TABLE account ADD COLUMN code VARCHAR(10);

CREATE INDEX ix_account_code ON account (code);

