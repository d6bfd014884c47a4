# Lesson 16, structured concurrency: the tasks of a TaskGroup end with its `async with`
# block. When one fails, the group cancels the others, and the errors leave the block
# as an ExceptionGroup, caught with `except*`.
import asyncio


async def fetch_profile(user_id):
    await asyncio.sleep(0.6)  # stands for a request to the profile service
    return {"name": "Ada"}


async def fetch_orders(user_id):
    await asyncio.sleep(0.3)
    raise ConnectionError(f"orders service unreachable for user {user_id}")


async def fetch_recommendations(user_id):
    try:
        await asyncio.sleep(1.0)
        return ["lamp", "kettle"]
    except asyncio.CancelledError:
        print("fetch_recommendations: cancelled, dropping the half-built list")
        raise  # a cancelled task must end cancelled: always re-raise


async def load_dashboard(user_id):
    try:
        async with asyncio.TaskGroup() as group:
            profile = group.create_task(fetch_profile(user_id))
            group.create_task(fetch_orders(user_id))
            picks = group.create_task(fetch_recommendations(user_id))
        print(f"dashboard for {profile.result()['name']}, {len(picks.result())} picks")
    except* ConnectionError as group_error:
        for error in group_error.exceptions:
            print(f"dashboard failed: {error}")
    print(f"fetch_profile cancelled: {profile.cancelled()}")


asyncio.run(load_dashboard(7))
