ALTER TABLE account CHANGE name full_name VARCHAR(50) NOT NULL;

