ALTER TABLE account ADD CONSTRAINT ck_account_score CHECK (score >= 5);

ALTER TABLE account ADD CONSTRAINT uq_account_name UNIQUE (name, email);

