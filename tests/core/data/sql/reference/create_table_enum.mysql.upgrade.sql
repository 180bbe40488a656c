FAILED: sqlalchemy.exc.CompileError: (in table 'orders', column 'props'): Compiler <sqlalchemy.dialects.mysql.base.MySQLTypeCompiler object at 0x7fc923e812b0> can't render element of type JSONB
