package detect

// operators names the networks each of the large cloud and hosting
// operators announces under several ASNs (Amazon's AS16509 and AS14618,
// Microsoft's AS8075 and AS8068 …). Two uses from one operator's networks
// are one network for travel: CI runners and serverless jobs hop between
// regions and between the operator's ASNs.
var operators = map[uint32]string{
	16509: "amazon", 14618: "amazon", 8987: "amazon", 7224: "amazon", 38895: "amazon", 39111: "amazon",
	15169: "google", 396982: "google", 19527: "google", 36040: "google", 43515: "google", 139070: "google", 139190: "google",
	8075: "microsoft", 8068: "microsoft", 8069: "microsoft", 8070: "microsoft", 8071: "microsoft", 8072: "microsoft",
	8073: "microsoft", 8074: "microsoft", 12076: "microsoft", 3598: "microsoft", 6584: "microsoft",
	13335: "cloudflare", 209242: "cloudflare",
	31898: "oracle", 792: "oracle", 7160: "oracle",
	45102: "alibaba", 37963: "alibaba",
	14061: "digitalocean", 62567: "digitalocean", 393406: "digitalocean",
	24940: "hetzner", 213230: "hetzner",
	20940: "akamai", 16625: "akamai", 63949: "akamai",
}

// sameOperator reports whether two known ASNs are one network: equal, or
// both one operator's.
func sameOperator(a, b uint32) bool {
	if a == 0 || b == 0 {
		return false
	}
	if a == b {
		return true
	}
	op, ok := operators[a]
	return ok && op == operators[b]
}
