ALTER TABLE account CHANGE quantity qty BIGINT NULL;
