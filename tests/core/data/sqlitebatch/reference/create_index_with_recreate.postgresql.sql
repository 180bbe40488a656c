CREATE INDEX ix_account_a_parent ON account (parent_id);

CREATE UNIQUE INDEX ix_account_z ON account (notes, id);

ALTER TABLE account ALTER COLUMN notes SET NOT NULL;

