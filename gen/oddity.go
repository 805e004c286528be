package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Travel is the "travel" oddity: a user works from another country for 2–6
// days (a conference, a visit): a local ISP there, in that time zone, for all
// their requests. PerUserDay is how often a trip starts (default 1/400).
type Travel struct{ PerUserDay float64 }

// Name is "travel".
func (Travel) Name() string { return "travel" }

// Description says what Travel does.
func (Travel) Description() string {
	return "benign: a user works from another country and ISP for a few days"
}

// Plan sends users abroad and returns their first request from there.
func (s Travel) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return sendAway(w, rng, start, end, rateOr(s.PerUserDay, 1.0/400), 48*time.Hour, 144*time.Hour,
		func(u *User) Net { return LocalNet(otherCountry(u.Home.Country, rng), rng) })
}

// VPN is the "vpn" oddity: a user turns a commercial VPN on for 1–6 hours:
// their requests come from a VPN or hosting ASN (M247, Datacamp, CDN77),
// often abroad, while they stay in their own time zone. PerUserDay is how
// often (default 1/150).
type VPN struct{ PerUserDay float64 }

// Name is "vpn".
func (VPN) Name() string { return "vpn" }

// Description says what VPN does.
func (VPN) Description() string {
	return "benign: a user's requests come from a VPN or hosting provider for a few hours"
}

// Plan turns VPNs on and returns each user's first request through it.
func (s VPN) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return sendAway(w, rng, start, end, rateOr(s.PerUserDay, 1.0/150), time.Hour, 6*time.Hour,
		func(u *User) Net {
			exit := VPNNet(rng)
			exit.TZ = u.Home.TZ
			return exit
		})
}
