# A traffic light state machine driving cars waiting on an Event
import asyncio

class TrafficLight:
    def __init__(self):
        self.green = asyncio.Event()
        self.state = "red"

    async def run(self, cycles):
        for _ in range(cycles):
            for state, duration in (("green", 2), ("yellow", 1), ("red", 3)):
                self.state = state
                if state == "green":
                    self.green.set()
                else:
                    self.green.clear()
                print(f"{asyncio.get_running_loop().time():4.1f}s light -> {state}")
                await asyncio.sleep(duration)

async def car(name, light, arrival):
    await asyncio.sleep(arrival)
    if not light.green.is_set():
        print(f"{asyncio.get_running_loop().time():4.1f}s {name} stops at {light.state}")
        await light.green.wait()
    print(f"{asyncio.get_running_loop().time():4.1f}s {name} drives through")

async def main():
    light = TrafficLight()
    await asyncio.gather(light.run(2), car("car1", light, 0.5), car("car2", light, 2.5),
                         car("car3", light, 4), car("car4", light, 6.5))

asyncio.run(main())
