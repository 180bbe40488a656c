ALTER TABLE account DROP INDEX uq_nope;

