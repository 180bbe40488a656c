EXCEPTION: ValueError: No such index: 'ix_nope'
