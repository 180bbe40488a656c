DROP INDEX ix_account_score;

ALTER TABLE account ALTER COLUMN notes SET NOT NULL;

