CREATE UNIQUE INDEX ix_account_score ON account (score, id);

ALTER TABLE account ALTER COLUMN notes SET NOT NULL;

