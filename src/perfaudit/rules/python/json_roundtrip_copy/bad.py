import json

DEFAULTS = {"retries": 3, "hosts": ["a", "b"]}


def settings_for(tenant):
    conf = json.loads(json.dumps(DEFAULTS))  # expect: json-roundtrip-copy
    conf["tenant"] = tenant
    return conf


def clone_all(docs):
    return [json.loads(json.dumps(d)) for d in docs]  # expect: json-roundtrip-copy
