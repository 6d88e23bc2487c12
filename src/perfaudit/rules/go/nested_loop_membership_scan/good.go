package sync

type User struct {
	ID    string
	Email string
	Roles []string
}

type Group struct {
	Owner   string
	Members []User
}

var adminRoles = []string{"admin", "owner"}

// missingUsers indexes the remote list once.
func missingUsers(local, remote []User) []User {
	ids := make(map[string]struct{}, len(remote))
	for _, r := range remote {
		ids[r.ID] = struct{}{}
	}
	var missing []User
	for _, u := range local {
		if _, ok := ids[u.ID]; !ok {
			missing = append(missing, u)
		}
	}
	return missing
}

// identity builds a matrix: index loops, no membership test.
func identity(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			if i == j {
				m[i][j] = 1
			}
		}
	}
	return m
}

// admins scans each user's own short role list (a walk of nested data, not n·m).
func admins(users []User) []User {
	var out []User
	for _, u := range users {
		for _, r := range u.Roles {
			if r == "admin" {
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// privileged tests against a small fixed table.
func privileged(users []User) int {
	n := 0
	for _, u := range users {
		for _, role := range adminRoles {
			if u.ID == role {
				n++
				break
			}
		}
		for _, s := range []string{"root", "system"} {
			if u.ID == s {
				n++
				break
			}
		}
	}
	return n
}

// distances does real work for every pair; there is no lookup to replace.
func distances(a, b []float64) [][]float64 {
	out := make([][]float64, 0, len(a))
	for _, x := range a {
		row := make([]float64, 0, len(b))
		for _, y := range b {
			row = append(row, x-y)
		}
		out = append(out, row)
	}
	return out
}

// owners walks each group's members comparing to the group's own owner.
func owners(groups []Group) []User {
	var out []User
	for _, g := range groups {
		for _, m := range g.Members {
			if m.ID == g.Owner {
				out = append(out, m)
				break
			}
		}
	}
	return out
}
