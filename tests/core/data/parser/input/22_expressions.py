# Python expressions beyond the migration subset, so that later code can flag them.
import os.path as osp, sys
from . import sibling
from ..models import (Base as B, metadata,)
from .helpers.names import *

x = y = 1
a, (b, *rest) = [1, (2, 3, 4)]
[c, d] = 5, 6
n: int
m: "list[int]" = []
(p): int = 3
obj.attr: str = "v"
counter = 0
counter += 1; counter -= 2; counter *= 3; counter //= 2; counter **= 2; counter <<= 1; counter |= 4
values = {**base, "k": 1, 2: [3]}
s = {1, 2, *more}
t = (1,)
e = ()
sl = items[1:2, ::3, :, 4:][..., None]
cond = a if b else c
chk = 0 < x <= 10 and y is not None or not z
ops = -a + +b * ~c / d // e % f @ g ** -h
bits = a & b | c ^ d << 2 >> 1
lam = lambda a, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)
lam2 = lambda: 0
lam3 = lambda a, /, b: a
comps = [i * 2 for i in range(10) if i % 2 if i > 3], {k: v for k, v in pairs}, {w for w in ws}
gen = sum(i for i in range(3))
nested = [[j for j in row] for row in grid for _ in (1,)]
walrus = [y := f(x), y ** 2]
if (n := len(data)) > 10:
    pass
f"name={name!r:>{width}}" "tail" F'{x}'
numbers = 0x_FF, 0o17, 0b1010, 1_000_000, 3.14, 1e-3, 2j, .5, 5.
strs = r'\d+' if 0 else b'\x00' rb'\n' B"x"
call(*args, **kwargs, key=value)
call(a, *b, c, *d, e=1, **f, g=2)
print(*[1], sep='')
star, = single
del a, b[0], c.d
del (e, f)
assert isinstance(x, int), "message"
raise
raise ValueError("bad") from None
