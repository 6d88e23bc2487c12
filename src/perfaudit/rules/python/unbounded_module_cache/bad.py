_user_cache = {}  # expect: unbounded-module-cache


def get_user(db, user_id):
    if user_id not in _user_cache:
        _user_cache[user_id] = db.load_user(user_id)
    return _user_cache[user_id]


TEMPLATE_CACHE = {}  # expect: unbounded-module-cache


def render(env, name, ctx):
    tpl = TEMPLATE_CACHE.setdefault(name, env.get_template(name))
    return tpl.render(ctx)
