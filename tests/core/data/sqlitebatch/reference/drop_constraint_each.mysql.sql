ALTER TABLE account DROP FOREIGN KEY fk_account_parent;

ALTER TABLE account DROP CHECK ck_account_score;

ALTER TABLE account DROP INDEX uq_account_name;

