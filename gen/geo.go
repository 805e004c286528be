package gen

// place is a city a network is seen in: ISO country, lat/lon and UTC offset
// in minutes (standard time; daylight saving is not modelled).
type place struct {
	country  string
	lat, lon float64
	tz       int
}

// isp is a residential or mobile access network. prefixes are IPv4; v6, when
// set, is the IPv6 prefix some of its subscribers get instead.
type isp struct {
	asn      uint32
	org      string
	mobile   bool
	weight   float64
	prefixes []string
	v6       string
}

// country is where users live: how common it is, its cities and its ISPs.
type country struct {
	code   string
	weight float64
	cities []place
	isps   []isp
}

// countries is the user population: 12 countries weighted roughly like a
// developer platform's audience, with real ISPs and plausible prefixes.
var countries = []country{
	{"US", 28, []place{{"US", 40.71, -74.01, -300}, {"US", 37.77, -122.42, -480}, {"US", 41.88, -87.63, -360}, {"US", 47.61, -122.33, -480}, {"US", 30.27, -97.74, -360}, {"US", 42.36, -71.06, -300}}, []isp{
		{7922, "Comcast Cable Communications, LLC", false, 35, []string{"73.0.0.0/8", "98.192.0.0/10"}, "2601::/20"},
		{701, "Verizon Business", false, 20, []string{"71.160.0.0/12", "108.16.0.0/12"}, ""},
		{20115, "Charter Communications", false, 15, []string{"24.176.0.0/12", "47.32.0.0/11"}, ""},
		{20057, "AT&T Mobility LLC", true, 15, []string{"166.128.0.0/9", "107.64.0.0/10"}, ""},
		{21928, "T-Mobile USA, Inc.", true, 15, []string{"172.32.0.0/11"}, "2607:fb90::/28"},
	}},
	{"IN", 12, []place{{"IN", 12.97, 77.59, 330}, {"IN", 19.08, 72.88, 330}, {"IN", 28.61, 77.21, 330}, {"IN", 17.39, 78.49, 330}}, []isp{
		{55836, "Reliance Jio Infocomm Limited", true, 50, []string{"49.32.0.0/11", "157.32.0.0/12"}, "2405:200::/29"},
		{45609, "Bharti Airtel Ltd. AS for GPRS Service", true, 30, []string{"106.192.0.0/11"}, ""},
		{24560, "Bharti Airtel Ltd., Telemedia Services", false, 20, []string{"122.160.0.0/12"}, ""},
	}},
	{"DE", 8, []place{{"DE", 52.52, 13.40, 60}, {"DE", 48.14, 11.58, 60}, {"DE", 53.55, 9.99, 60}}, []isp{
		{3320, "Deutsche Telekom AG", false, 50, []string{"79.192.0.0/10", "84.128.0.0/10", "91.0.0.0/10"}, "2003::/19"},
		{3209, "Vodafone GmbH", false, 30, []string{"88.64.0.0/12"}, ""},
		{6805, "Telefonica Germany GmbH & Co.OHG", true, 20, []string{"77.0.0.0/14"}, ""},
	}},
	{"GB", 7, []place{{"GB", 51.51, -0.13, 0}, {"GB", 53.48, -2.24, 0}, {"GB", 55.95, -3.19, 0}}, []isp{
		{2856, "British Telecommunications PLC", false, 45, []string{"81.128.0.0/11", "86.128.0.0/10"}, ""},
		{5089, "Virgin Media Limited", false, 35, []string{"82.0.0.0/14", "62.30.0.0/15"}, ""},
		{25135, "Vodafone Limited", true, 20, []string{"212.183.128.0/17"}, ""},
	}},
	{"FR", 7, []place{{"FR", 48.86, 2.35, 60}, {"FR", 45.76, 4.84, 60}}, []isp{
		{3215, "Orange S.A.", false, 45, []string{"90.0.0.0/9", "86.192.0.0/11"}, "2a01:cb00::/16"},
		{12322, "Free SAS", false, 35, []string{"82.64.0.0/10", "88.160.0.0/11"}, "2a01:e00::/26"},
		{5410, "Bouygues Telecom SA", true, 20, []string{"176.128.0.0/10"}, ""},
	}},
	{"BR", 6, []place{{"BR", -23.55, -46.63, -180}, {"BR", -22.91, -43.17, -180}}, []isp{
		{28573, "Claro NXT Telecomunicacoes Ltda", false, 50, []string{"177.32.0.0/12", "179.208.0.0/12"}, ""},
		{18881, "TELEFONICA BRASIL S.A", true, 50, []string{"177.188.0.0/14", "191.16.0.0/12"}, ""},
	}},
	{"CA", 5, []place{{"CA", 43.65, -79.38, -300}, {"CA", 45.50, -73.57, -300}, {"CA", 49.28, -123.12, -480}}, []isp{
		{812, "Rogers Communications Canada Inc.", false, 50, []string{"99.224.0.0/11"}, ""},
		{577, "Bell Canada", false, 50, []string{"70.48.0.0/13", "174.88.0.0/13"}, ""},
	}},
	{"JP", 5, []place{{"JP", 35.68, 139.69, 540}, {"JP", 34.69, 135.50, 540}}, []isp{
		{2516, "KDDI CORPORATION", true, 40, []string{"106.128.0.0/11", "27.80.0.0/12"}, ""},
		{4713, "NTT Communications Corporation", false, 35, []string{"153.128.0.0/10", "114.144.0.0/12"}, ""},
		{17676, "SoftBank Corp.", true, 25, []string{"126.0.0.0/8"}, ""},
	}},
	{"KR", 5, []place{{"KR", 37.57, 126.98, 540}, {"KR", 35.18, 129.08, 540}}, []isp{
		{4766, "Korea Telecom", false, 55, []string{"175.192.0.0/10"}, ""},
		{9318, "SK Broadband Co Ltd", false, 45, []string{"175.112.0.0/12"}, ""},
	}},
	{"NL", 4, []place{{"NL", 52.37, 4.90, 60}, {"NL", 52.09, 5.12, 60}}, []isp{
		{1136, "KPN B.V.", false, 50, []string{"77.160.0.0/12"}, ""},
		{33915, "Vodafone Libertel B.V.", false, 50, []string{"84.24.0.0/13"}, ""},
	}},
	{"ES", 4, []place{{"ES", 40.42, -3.70, 60}, {"ES", 41.39, 2.17, 60}}, []isp{
		{3352, "Telefonica de Espana SAU", false, 60, []string{"83.32.0.0/11"}, ""},
		{12479, "Orange Espagne SA", true, 40, []string{"90.160.0.0/11"}, ""},
	}},
	{"AU", 4, []place{{"AU", -33.87, 151.21, 600}, {"AU", -37.81, 144.96, 600}}, []isp{
		{1221, "Telstra Limited", true, 60, []string{"101.160.0.0/11", "1.128.0.0/11"}, ""},
		{7545, "TPG Telecom Limited", false, 40, []string{"110.174.0.0/15", "118.208.0.0/13"}, ""},
	}},
}
