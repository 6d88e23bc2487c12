import copy
import json


def settings_for(defaults, tenant):
    conf = copy.deepcopy(defaults)
    conf["tenant"] = tenant
    return conf


def normalised(payload):
    # default=str converts datetimes and decimals: a deliberate normalisation
    return json.loads(json.dumps(payload, default=str))


def send(sock, msg):
    sock.sendall(json.dumps(msg).encode())


def parse(raw):
    return json.loads(raw)
