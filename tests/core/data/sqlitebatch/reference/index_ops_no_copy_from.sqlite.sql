CREATE UNIQUE INDEX ix_account_parent_id ON account (parent_id, name);

DROP INDEX ix_account_score;

