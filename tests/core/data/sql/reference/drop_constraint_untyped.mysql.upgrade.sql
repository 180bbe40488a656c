FAILED: NotImplementedError: No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type
