ALTER TABLE account ADD CONSTRAINT uq_a_email UNIQUE (email);
