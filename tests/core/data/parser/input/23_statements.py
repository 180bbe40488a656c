import asyncio


@decorator
@decorator.with_args(1, key="v")
class Model(Base, metaclass=Meta, **extra):
    """A class."""
    field: int = 0

    @property
    def value(self) -> int:
        return self.field

    async def fetch(self, *, timeout: float = 1.0, **options) -> "Model":
        async with session() as s, lock:
            async for row in s.stream():
                await asyncio.sleep(0)
                yield row
        result = await other()
        return [x async for x in result]


def generator():
    yield
    yield 1, 2
    x = yield from other()
    return x


def scopes():
    global counter
    counter = 1

    def inner():
        nonlocal counter
        counter += 1
    return inner


def positional(a, b, /, c, *, d, e=5):
    pass


def defaults(a=1, *args, b, c=3, **kwargs):
    pass


while True:
    if x:
        break
    elif y:
        continue
    else:
        x = 1
else:
    pass

for i in range(3):
    pass
else:
    pass

try:
    risky()
except (ValueError, TypeError) as err:
    handle(err)
except KeyError:
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    pass
except* ValueError:
    pass

with open("f") as fh:
    pass
with a, b as (c, d), e as f[0]:
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (yield_value()):
    pass
