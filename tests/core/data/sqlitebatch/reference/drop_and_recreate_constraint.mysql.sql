ALTER TABLE account DROP CHECK ck_account_score;

ALTER TABLE account ADD CONSTRAINT ck_account_score CHECK (score >= 10);

