ALTER TABLE account DROP INDEX uq_a_email;
