ALTER TABLE account RENAME name TO full_name;

