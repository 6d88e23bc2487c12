package sync

type User struct {
	ID    string
	Email string
}

type Order struct {
	ID     int
	UserID string
}

// missingUsers reports users that are not in the remote list.
func missingUsers(local, remote []User) []User {
	var missing []User
	for _, u := range local {
		found := false
		for _, r := range remote { // expect: nested-loop-membership-scan
			if r.ID == u.ID {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, u)
		}
	}
	return missing
}

// ordersFor keeps orders whose user is in the allow list.
func ordersFor(orders []Order, allowed []string) []Order {
	var out []Order
outer:
	for _, o := range orders {
		for i := range allowed { // expect: nested-loop-membership-scan
			if allowed[i] == o.UserID {
				out = append(out, o)
				continue outer
			}
		}
	}
	return out
}

func contains(haystack []string, needles []string) bool {
	for i := 0; i < len(needles); i++ {
		n := needles[i]
		for _, h := range haystack { // expect: nested-loop-membership-scan
			if h == n {
				return true
			}
		}
	}
	return false
}

// intersect keeps emails present in both lists.
func intersect(a, b []User) []string {
	var both []string
	for _, x := range a {
		for _, y := range b { // expect: nested-loop-membership-scan
			if x.Email == y.Email && x.Email != "" {
				both = append(both, x.Email)
				break
			}
		}
	}
	return both
}
