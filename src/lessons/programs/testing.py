# Lesson 19, testing async code: each test is an `async def test_...` with plain
# asserts, and a small runner runs each one in a fresh event loop, as pytest-asyncio does.
import asyncio

PRICES = {"apple": 0.5, "pear": 0.75}


async def fetch_price(item, delay=0.2):
    """The code under test: asks the price service (the sleep stands for the request)."""
    await asyncio.sleep(delay)
    return PRICES[item]


async def fetch_total(items):
    prices = await asyncio.gather(*(fetch_price(item) for item in items))
    return sum(prices)


async def test_price_of_an_apple():
    assert await fetch_price("apple") == 0.5


async def test_prices_are_fetched_together():
    loop = asyncio.get_running_loop()
    start = loop.time()
    assert await fetch_total(["apple", "pear", "apple"]) == 1.75
    assert loop.time() - start < 0.3, "the requests were sent one after another"


async def test_a_slow_service_times_out():
    # The service takes 10 s; the timeout gives up after 1 s. On a virtual clock the
    # test waits for neither: the loop jumps to the next timer.
    try:
        async with asyncio.timeout(1):
            await fetch_price("pear", delay=10)
    except TimeoutError:
        return
    raise AssertionError("no TimeoutError")


async def test_pears_cost_less_than_apples():  # wrong on purpose: it fails
    pear, apple = await fetch_price("pear"), await fetch_price("apple")
    assert pear < apple, f"a pear costs {pear}, an apple {apple}"


def run_tests(tests):
    failed = 0
    for test in tests:
        try:
            asyncio.run(test())  # a fresh event loop for every test
            print(f"PASSED {test.__name__}")
        except AssertionError as error:
            print(f"FAILED {test.__name__}: {error}")
            failed += 1
    print(f"{len(tests) - failed} passed, {failed} failed")


run_tests(
    [
        test_price_of_an_apple,
        test_prices_are_fetched_together,
        test_a_slow_service_times_out,
        test_pears_cost_less_than_apples,
    ]
)
