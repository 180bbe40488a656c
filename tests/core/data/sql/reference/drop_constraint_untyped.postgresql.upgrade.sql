ALTER TABLE account DROP CONSTRAINT uq_a_email;
