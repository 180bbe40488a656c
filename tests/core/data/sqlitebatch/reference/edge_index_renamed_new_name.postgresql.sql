ALTER TABLE account RENAME notes TO memo;

CREATE INDEX ix_account_memo ON account (memo);

