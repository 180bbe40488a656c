ALTER TABLE account ADD COLUMN age INTEGER;

ALTER TABLE account DROP COLUMN notes;

ALTER TABLE account ALTER COLUMN score SET NOT NULL;

ALTER TABLE account RENAME score TO points;

CREATE INDEX ix_account_age ON account (age);

DROP INDEX ix_account_score;

ALTER TABLE account ADD CONSTRAINT uq_account_age UNIQUE (age);

