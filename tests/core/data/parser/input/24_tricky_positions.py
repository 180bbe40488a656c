# Positions where the grammar rule, not the child, decides where a node starts.
(a).b
(a)(b)
(a)[b]
((a)) + (b)
not (a)
-(1)
f(x for x in y)
f((x for x in y))
x = (yield)
a[1:2, 3]
a[:]
a[::]
a[::2]
a[*b]
a[b:=1]
for (i, j) in pairs: pass
for [i, *j] in pairs: pass
print((a), (b,), ())
{**a, 'b': 1}
{**a}
[*a, *b]
x = (y) = z = ([w])
value = \
    1 + \
    2
text = ("implicit "
        "concatenation "  # with a comment
        'across lines')
del (a), [b], c.d[0]
with (open(x)) as f: pass
with (open(x), open(y)) as (f, g): pass
lambda *a, **k: 0
lambda a, /, b=1, *, c: 0
x if (y) else (z)
(x if y else z).attr
(a, b)[0]
(-1) ** 2
-1 ** 2
a.b.c.d(e)(f)[g].h
x = [
    1,
    2,
]
if a: pass
elif b: pass
elif c:
    pass
else:
    pass
try: pass
except E as e: pass
@a.b(c)
@d
def f(): ...
class C: x = 1; y = 2
global g1, g2
y = x = ...
z = 1_0j + 0.5e-3 + 0x_1 + 0o7 + 0b1
