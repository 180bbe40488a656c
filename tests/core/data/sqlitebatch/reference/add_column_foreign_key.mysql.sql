ALTER TABLE account ADD COLUMN owner_id INTEGER;

ALTER TABLE account ADD FOREIGN KEY(owner_id) REFERENCES users (id);

