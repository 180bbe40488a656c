ALTER TABLE account ADD COLUMN age INTEGER;

CREATE INDEX ix_account_age ON account (age);

ALTER TABLE account DROP COLUMN notes;

