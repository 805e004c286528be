// Package gen generates realistic, deterministic benign traffic of a
// developer platform like Hugging Face, as credwatch contract v1 events
// (event.Event), for load tests, demos and detection baselines.
//
// The simulated World holds orgs of Zipf-like sizes (a few with hundreds of
// members, most with 1–10), users living in 12 countries behind real
// residential and mobile ISPs, with time zones, working hours, API clients,
// browsers and tokens of every kind; CI/service accounts in public clouds;
// Spaces declaring 1–6 secrets (names only), often with a token bound to
// their workload; and public and private models and datasets.
//
// The Generator draws benign arrivals from that world (see mixWeights):
// users' token.use, mostly in their local working hours, from home and
// sometimes failing; service accounts' token.use around the clock; Spaces
// calling the API from the platform's own network; Space builds followed by
// the build's and then the runtime's secret.read of the Space's secrets;
// secret.list, token and secret management, webhooks, member invitations and
// Space duplication in the web UI. The rate follows a diurnal and weekly curve.
//
// Scenarios (the Scenario interface, held in a Registry) add events planned
// per hour of simulated time; the generator merges them in time order. The
// built-in benign oddities, which a detector must tolerate — travel, vpn,
// new_laptop and failed_auths — are mixed in at a low rate unless
// Config.NoOddities. The built-in attacks (Attacks, the Attack interface)
// are mixed in when named: each plays one Episode per stream — warm-up
// history of actors and tokens of its own, then the attack (by default 10
// days in) — and EpisodeOf gives an episode alone, for fixtures.
//
// The simulated platform never accepts a token after its successful
// token.revoke: the generator turns such a use into denied, whoever planned
// it. A scenario that plays a revocation the platform failed to enforce
// (RevocationLag, as revoked_token_replay) keeps the outcomes it planned for
// the tokens it revokes.
//
// The same Config gives the same bytes: all randomness comes from PCG streams
// of the seed, and ids are "g<seed hex>-<sequence>", so a replay re-sends
// the same ids. AppendJSON encodes an event by hand, without reflection;
// Next plus AppendJSON take about 1–1.5 µs and two allocations per event.
package gen
