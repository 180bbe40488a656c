ALTER TABLE account ADD CONSTRAINT pk_account2 PRIMARY KEY (id, name);

