ALTER TABLE account ADD CONSTRAINT ck_account_name_len CHECK (length(name) > 1);

