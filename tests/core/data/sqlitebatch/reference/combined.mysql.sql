ALTER TABLE account ADD COLUMN age INTEGER;

ALTER TABLE account DROP COLUMN notes;

ALTER TABLE account CHANGE score points INTEGER NOT NULL;

CREATE INDEX ix_account_age ON account (age);

DROP INDEX ix_account_score ON account;

ALTER TABLE account ADD CONSTRAINT uq_account_age UNIQUE (age);

