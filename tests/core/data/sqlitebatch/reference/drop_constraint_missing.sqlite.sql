EXCEPTION: ValueError: No such constraint: 'uq_nope'
