CREATE INDEX ix_account_parent ON account (parent_id);

