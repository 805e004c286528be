package decode

import (
	"strings"
	"sync"

	"github.com/valyala/fastjson"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countryCodes maps lower-case English country names, and ISO alpha-3 codes,
// to ISO 3166-1 alpha-2; built once from x/text's CLDR data.
var countryCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			reg, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !reg.IsCountry() || reg.String() != string([]rune{a, b}) || retiredCodes[reg.String()] {
				continue
			}
			code := reg.String()
			for _, name := range []string{strings.ToLower(names.Name(reg)), strings.ToLower(reg.ISO3())} {
				if name != "" { // a region CLDR has no English name for
					m[name] = code
				}
			}
		}
	}
	for name, code := range countryAliases {
		m[name] = code
	}
	return m
})

// retiredCodes are codes CLDR still names but ISO 3166-1 no longer assigns
// (or reserves): a name must map to the current country.
var retiredCodes = map[string]bool{"DD": true, "UK": true, "SU": true, "YU": true, "ZR": true, "TP": true,
	"CS": true, "FX": true, "BU": true, "NT": true, "AN": true}

// countryAliases are names vendors use that CLDR's English names do not.
var countryAliases = map[string]string{
	"united states of america": "US", "usa": "US", "u.s.": "US", "uk": "GB", "great britain": "GB",
	"russian federation": "RU", "korea, republic of": "KR", "republic of korea": "KR",
	"iran, islamic republic of": "IR", "viet nam": "VN", "czech republic": "CZ",
	"the netherlands": "NL", "holland": "NL", "taiwan, province of china": "TW",
}

// countryCode returns the alpha-2 code of a country name or alpha-3 code.
func countryCode(s string) (string, bool) {
	code, ok := countryCodes()[strings.ToLower(strings.TrimSpace(s))]
	return code, ok
}

// countryName reads a country its vendor writes by name ("United States":
// Okta, 1Password), as a matter of course and so with no warning, or by
// ISO code.
func (r *reader) countryName(o *fastjson.Value, key, path string) string {
	name := r.str(o, key, path, r.limits.MaxString)
	if name == "" {
		return ""
	}
	if code, ok := countryCode(name); ok {
		return code
	}
	return r.country(o, key, path)
}
