package tmpl

import (
	"reflect"
	"sync"
)

type methodKey struct {
	typ  reflect.Type
	name string
}

var methodIndexes sync.Map

// methodIndex caches the lookup per type and name (the fix).
func methodIndex(tp reflect.Type, name string) int {
	k := methodKey{tp, name}
	if v, ok := methodIndexes.Load(k); ok {
		return v.(int)
	}
	m, ok := tp.MethodByName(name)
	index := m.Index
	if !ok {
		index = -1
	}
	methodIndexes.Store(k, index)
	return index
}

type registry struct {
	methods map[string]reflect.Method
}

// NewRegistry looks methods up once, at construction.
func NewRegistry(v any, names []string) *registry {
	r := &registry{methods: map[string]reflect.Method{}}
	tp := reflect.TypeOf(v)
	for _, n := range names {
		if m, ok := tp.MethodByName(n); ok {
			r.methods[n] = m
		}
	}
	return r
}

// add fills the registry's map: it is the cache.
func (r *registry) add(tp reflect.Type, name string) {
	m, _ := tp.MethodByName(name)
	r.methods[name] = m
}

var (
	once    sync.Once
	closeFn reflect.Value
)

// closer resolves the method once.
func closer(v reflect.Value) reflect.Value {
	once.Do(func() {
		closeFn = v.MethodByName("Close")
	})
	return closeFn
}
