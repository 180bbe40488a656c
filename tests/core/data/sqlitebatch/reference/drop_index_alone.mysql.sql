DROP INDEX ix_account_score ON account;

