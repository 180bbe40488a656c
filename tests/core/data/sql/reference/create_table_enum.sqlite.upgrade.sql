FAILED: sqlalchemy.exc.CompileError: (in table 'orders', column 'props'): Compiler <sqlalchemy.dialects.sqlite.base.SQLiteTypeCompiler object at 0x7f1775d2f230> can't render element of type JSONB
