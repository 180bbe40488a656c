ALTER TABLE account ADD COLUMN owner_id INTEGER;

ALTER TABLE account ADD CONSTRAINT fk_account_owner_id_users FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT;

ALTER TABLE account ADD CONSTRAINT uq_account_owner UNIQUE (owner_id);

