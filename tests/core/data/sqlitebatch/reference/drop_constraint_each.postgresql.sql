ALTER TABLE account DROP CONSTRAINT fk_account_parent;

ALTER TABLE account DROP CONSTRAINT ck_account_score;

ALTER TABLE account DROP CONSTRAINT uq_account_name;

