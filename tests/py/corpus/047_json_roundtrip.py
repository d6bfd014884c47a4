# json.dumps / json.loads
import json

data = {"name": "Looplab", "tags": ["async", "python"], "version": 1.5,
        "active": True, "parent": None, "counts": {"b": 2, "a": 1}}
text = json.dumps(data)
print(text)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
back = json.loads(text)
print(back == data, back["tags"][1], type(back["version"]).__name__)
print(json.loads('[1, 2.5, "x", null, true, {"k": []}]'))
print(json.dumps([1, "two", None, False]), json.dumps("é"), json.dumps("é", ensure_ascii=False))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError at pos", e.pos)
print(json.dumps((1, 2)), json.loads("3") + 1)
