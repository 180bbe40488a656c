DROP INDEX ix_account_name_email;

ALTER TABLE account DROP COLUMN email;

