ALTER TABLE account ADD CONSTRAINT uq_account_notes UNIQUE (notes, score);

