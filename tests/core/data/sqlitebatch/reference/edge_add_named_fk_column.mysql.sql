ALTER TABLE account ADD COLUMN owner_id INTEGER;

ALTER TABLE account ADD CONSTRAINT fk_account_owner FOREIGN KEY(owner_id) REFERENCES users (id);

