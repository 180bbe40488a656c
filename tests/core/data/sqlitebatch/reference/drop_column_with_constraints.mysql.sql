DROP INDEX ix_account_name_email ON account;

ALTER TABLE account DROP COLUMN email;

