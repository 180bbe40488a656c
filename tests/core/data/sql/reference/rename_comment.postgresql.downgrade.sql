ALTER TABLE accounts RENAME TO account;
