ALTER TABLE account DROP CONSTRAINT pk_account;

