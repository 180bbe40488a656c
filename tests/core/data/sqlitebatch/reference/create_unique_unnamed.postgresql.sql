ALTER TABLE account ADD UNIQUE (notes);

