ALTER TABLE account DROP CONSTRAINT ck_account_score;

ALTER TABLE account ADD CONSTRAINT ck_account_score CHECK (score >= 10);

