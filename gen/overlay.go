package gen

import "time"

// Stint is a period in which a user works from another network.
type Stint struct {
	From, To time.Time
	Net      Net
}

// Laptop is a new machine: new clients, session and token from From on.
type Laptop struct {
	From      time.Time
	Agents    []string
	Browser   string
	Token     *Token
	SessionID string
}

// away reports whether u works from Away.Net at t.
func (u *User) away(t time.Time) bool {
	return u.Away.Net.IP != "" && !t.Before(u.Away.From) && t.Before(u.Away.To)
}

// onLaptop reports whether u uses the new laptop at t.
func (u *User) onLaptop(t time.Time) bool {
	return u.Laptop.Agents != nil && !t.Before(u.Laptop.From)
}

// SessionIDAt is u's web session at t.
func (u *User) SessionIDAt(t time.Time) string {
	if u.onLaptop(t) {
		return u.Laptop.SessionID
	}
	return u.SessionID
}

// adoptLaptop makes a past new laptop u's usual machine.
func (u *User) adoptLaptop() {
	if u.Laptop.Agents == nil {
		return
	}
	u.Agents, u.Browser, u.SessionID = u.Laptop.Agents, u.Laptop.Browser, u.Laptop.SessionID
	u.Tokens = append(u.Tokens, u.Laptop.Token)
	u.Laptop = Laptop{}
}
