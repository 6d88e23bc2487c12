package tmpl

import (
	"context"
	"reflect"
)

var contextType = reflect.TypeOf((*context.Context)(nil)).Elem()

type execHelper struct{}

// GetMethod runs for every method call a template makes.
func (t *execHelper) GetMethod(ctx context.Context, receiver reflect.Value, name string) (reflect.Value, reflect.Value) {
	fn := receiver.MethodByName(name) // expect: reflect-method-by-name-per-call
	if !fn.IsValid() {
		return reflect.Value{}, reflect.Value{}
	}
	if fn.Type().NumIn() > 0 && fn.Type().In(0).Implements(contextType) {
		return fn, reflect.ValueOf(ctx)
	}
	return fn, reflect.Value{}
}

// Merge dispatches to a Merge method found by reflection for every pair of values.
func Merge(dst, src reflect.Value) bool {
	m := dst.MethodByName("Merge") // expect: reflect-method-by-name-per-call
	if !m.IsValid() {
		return false
	}
	out := m.Call([]reflect.Value{src})
	return out[0].Bool()
}

// lookup checks a type's method on every evaluation of a where clause.
func lookup(obj reflect.Value, elem string) (reflect.Value, bool) {
	mt, ok := obj.Type().MethodByName(elem) // expect: reflect-method-by-name-per-call
	if !ok {
		return reflect.Value{}, false
	}
	return obj.Method(mt.Index).Call(nil)[0], true
}
