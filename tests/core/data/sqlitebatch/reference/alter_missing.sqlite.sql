EXCEPTION: KeyError: 'nope'
