import json

import yaml


def apply_rules(events, rules_yaml):
    matched = []
    for event in events:
        rules = yaml.safe_load(rules_yaml)  # expect: config-reparsed-in-loop
        if event["type"] in rules["types"]:
            matched.append(event)
    return matched


class Pricer:
    def price_all(self, items):
        return [self.price(i, json.loads(self.raw_table)) for i in items]  # expect: config-reparsed-in-loop

    def price(self, item, table):
        return table[item]
